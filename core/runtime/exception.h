// Exceptions: instances of BaseException and its subclasses, and the traceback records the VM
// attaches as an exception propagates out of each frame.
#pragma once

#include "runtime/object.h"

namespace looplab {

struct CodeObj;
struct DictObj;
struct TupleObj;

// One frame the exception passed through (a linked list, innermost last, as CPython's tb_next).
struct TracebackObj final : Obj {
  TracebackObj* next = nullptr;
  CodeObj* code;
  int lineno;
  uint32_t lasti = 0;  // the instruction that raised (its SourcePos gives the caret range)
  TracebackObj(ClassObj* cls, CodeObj* c, int line) : Obj(cls, Kind::Traceback), code(c), lineno(line) {}
  void trace(Tracer& t) override;
};

struct ExceptionObj final : Obj {
  TupleObj* args;
  DictObj* dict = nullptr;          // attributes set by code (and by subclasses' __init__)
  TracebackObj* traceback = nullptr;
  Value cause;                      // __cause__ (Undef: None)
  Value context;                    // __context__ (Undef: None)
  bool suppress_context = false;    // set by `raise ... from ...`

  ExceptionObj(ClassObj* cls, TupleObj* a) : Obj(cls, Kind::Exception), args(a) {}
  void trace(Tracer& t) override;
};

// The builtin exception hierarchy: X(name, base). Order matters: bases come first.
#define LOOPLAB_EXCEPTIONS(X)                         \
  X(BaseException, object)                            \
  X(SystemExit, BaseException)                        \
  X(KeyboardInterrupt, BaseException)                 \
  X(GeneratorExit, BaseException)                     \
  X(BaseExceptionGroup, BaseException)                \
  X(Exception, BaseException)                         \
  X(ExceptionGroup, Exception)                        \
  X(StopIteration, Exception)                         \
  X(StopAsyncIteration, Exception)                    \
  X(ArithmeticError, Exception)                       \
  X(FloatingPointError, ArithmeticError)              \
  X(OverflowError, ArithmeticError)                   \
  X(ZeroDivisionError, ArithmeticError)               \
  X(AssertionError, Exception)                        \
  X(AttributeError, Exception)                        \
  X(BufferError, Exception)                           \
  X(EOFError, Exception)                              \
  X(ImportError, Exception)                           \
  X(ModuleNotFoundError, ImportError)                 \
  X(LookupError, Exception)                           \
  X(IndexError, LookupError)                          \
  X(KeyError, LookupError)                            \
  X(MemoryError, Exception)                           \
  X(NameError, Exception)                             \
  X(UnboundLocalError, NameError)                     \
  X(OSError, Exception)                               \
  X(ConnectionError, OSError)                         \
  X(BrokenPipeError, ConnectionError)                 \
  X(ConnectionAbortedError, ConnectionError)          \
  X(ConnectionRefusedError, ConnectionError)          \
  X(ConnectionResetError, ConnectionError)            \
  X(FileNotFoundError, OSError)                       \
  X(PermissionError, OSError)                         \
  X(TimeoutError, OSError)                            \
  X(ReferenceError, Exception)                        \
  X(RuntimeError, Exception)                          \
  X(NotImplementedError, RuntimeError)                \
  X(RecursionError, RuntimeError)                     \
  X(SyntaxError, Exception)                           \
  X(IndentationError, SyntaxError)                    \
  X(TabError, IndentationError)                       \
  X(SystemError, Exception)                           \
  X(TypeError, Exception)                             \
  X(ValueError, Exception)                            \
  X(UnicodeError, ValueError)                         \
  X(UnicodeDecodeError, UnicodeError)                 \
  X(UnicodeEncodeError, UnicodeError)                 \
  X(Warning, Exception)                               \
  X(DeprecationWarning, Warning)                      \
  X(PendingDeprecationWarning, Warning)               \
  X(RuntimeWarning, Warning)                          \
  X(SyntaxWarning, Warning)                           \
  X(UserWarning, Warning)                             \
  X(FutureWarning, Warning)                           \
  X(ImportWarning, Warning)                           \
  X(UnicodeWarning, Warning)                          \
  X(BytesWarning, Warning)                            \
  X(ResourceWarning, Warning)                         \
  X(EncodingWarning, Warning)

}  // namespace looplab
