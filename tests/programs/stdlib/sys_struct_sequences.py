# sys.version_info, float_info and int_info: tuples with named fields and CPython's reprs.
import sys
print(sys.float_info)
print(sys.int_info)
print(sys.version_info)
print(sys.version_info >= (3, 11), sys.version_info[:2], sys.version_info.major, sys.float_info.epsilon, sys.int_info.bits_per_digit)
print(type(sys.version_info).__name__, isinstance(sys.version_info, tuple), len(sys.float_info))
major, minor, *_ = sys.version_info
print(major, minor)
