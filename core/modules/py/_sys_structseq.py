# sys.version_info, sys.float_info, sys.int_info: run into the sys module by init_sys_module
# (sys_module.cpp), not imported on its own.
class _struct_seq(tuple):
    def __new__(cls, values):
        return tuple.__new__(cls, values)
    def __repr__(self):
        return "sys." + type(self).__name__ + "(" + ", ".join(
            f"{name}={value!r}" for name, value in zip(self._fields, self)) + ")"

def _make(name, fields, values):
    cls = type(name, (_struct_seq,), {"_fields": fields, "__module__": "sys"})
    for i, field in enumerate(fields):
        setattr(cls, field, property(lambda self, i=i: self[i]))
    return cls(values)

version_info = _make("version_info", ("major", "minor", "micro", "releaselevel", "serial"),
                     (3, 11, 7, "final", 0))
float_info = _make("float_info", ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig",
                                  "mant_dig", "epsilon", "radix", "rounds"),
                   (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
                    2.220446049250313e-16, 2, 1))
int_info = _make("int_info", ("bits_per_digit", "sizeof_digit", "default_max_str_digits",
                              "str_digits_check_threshold"), (30, 4, 4300, 640))
del _make, _struct_seq
