// The instruction set, as a spec: one line per opcode with its operand and effect on the stack.
// Names, the dispatch table and the disassembler are generated from this list (X-macro).
//
// Encoding: one 32-bit word per instruction, `op | arg << 8` (arg: unsigned 24 bits).
// Jump targets are absolute instruction indices. "TOS" is the top of the stack; [a, b] shows
// the top of the stack with b on top. NULL is the internal Undef value.
//
// Calls use CPython 3.11's layout: every call site pushes two slots before the arguments,
// either [NULL, callable] (PUSH_NULL then the callable) or [method, self] (LOAD_METHOD).
// CALL n then calls callable(args) or method(self, args). KW_NAMES k (a tuple constant)
// just before CALL says the last len(k) arguments are keywords with those names.
//
// Exceptions use a per-frame block stack: SETUP_FINALLY pushes a handler with the current stack
// depth; when an exception is raised the VM pops blocks until one is found, cuts the stack back
// to the block's depth, pushes the exception and jumps to the handler.
#pragma once

#include <cstdint>

namespace looplab {

#define LOOPLAB_OPCODES(X)                                                                      \
  X(NOP)                 /* no effect */                                                        \
  X(POP_TOP)             /* [a] -> [] */                                                        \
  X(PUSH_NULL)           /* [] -> [NULL] */                                                     \
  X(COPY)                /* arg n>=1: push a copy of the n-th item from the top (1 = TOS) */    \
  X(SWAP)                /* arg n>=2: swap TOS with the n-th item from the top */               \
  X(LOAD_CONST)          /* arg k: push consts[k] */                                            \
  X(LOAD_FAST)           /* arg i: push locals[i]; UnboundLocalError if unbound */              \
  X(STORE_FAST)          /* arg i: locals[i] = pop() */                                         \
  X(DELETE_FAST)         /* arg i: unbind locals[i]; UnboundLocalError if unbound */            \
  X(LOAD_DEREF)          /* arg i: push cells[i].value (cellvars then freevars); NameError */   \
  X(STORE_DEREF)         /* arg i: cells[i].value = pop() */                                    \
  X(DELETE_DEREF)        /* arg i: unbind cells[i] */                                           \
  X(LOAD_CLASSDEREF)     /* arg i: class body: locals dict[name of cell i], else cells[i] */    \
  X(LOAD_CLOSURE)        /* arg i: push the cell object cells[i] itself (for MAKE_FUNCTION) */  \
  X(LOAD_GLOBAL)         /* arg k: push globals[names[k]], else builtins; NameError */          \
  X(STORE_GLOBAL)        /* arg k: globals[names[k]] = pop() */                                 \
  X(DELETE_GLOBAL)       /* arg k: del globals[names[k]] */                                     \
  X(LOAD_NAME)           /* arg k: module/class body: locals dict, globals, builtins */         \
  X(STORE_NAME)          /* arg k: locals dict[names[k]] = pop() */                             \
  X(DELETE_NAME)         /* arg k: del locals dict[names[k]] */                                 \
  X(LOAD_ATTR)           /* arg k: [obj] -> [getattr(obj, names[k])] */                         \
  X(STORE_ATTR)          /* arg k: [value, obj] -> []; obj.names[k] = value */                  \
  X(DELETE_ATTR)         /* arg k: [obj] -> []; del obj.names[k] */                             \
  X(LOAD_METHOD)         /* arg k: [obj] -> [method, obj] or [NULL, getattr(obj, names[k])] */  \
  X(KW_NAMES)            /* arg k: the next CALL's keyword names are consts[k] (a tuple) */     \
  X(CALL)                /* arg n: [m|NULL, self|callable, args*n] -> [result] */               \
  X(CALL_FUNCTION_EX)    /* arg flags (1: has kwargs): [NULL, callable, args_tuple, kwargs?] */ \
  X(RETURN_VALUE)        /* [v] -> return v to the caller */                                    \
  X(BINARY_OP)           /* arg BinOp: [a, b] -> [a op b] (inplace ops are separate BinOps) */  \
  X(UNARY_NEGATIVE)      /* [a] -> [-a] */                                                      \
  X(UNARY_POSITIVE)      /* [a] -> [+a] */                                                      \
  X(UNARY_NOT)           /* [a] -> [not a] */                                                   \
  X(UNARY_INVERT)        /* [a] -> [~a] */                                                      \
  X(COMPARE_OP)          /* arg CompareOp: [a, b] -> [a op b] */                                \
  X(IS_OP)               /* arg invert: [a, b] -> [a is b] (or is not) */                       \
  X(CONTAINS_OP)         /* arg invert: [a, b] -> [a in b] (or not in) */                       \
  X(BINARY_SUBSCR)       /* [a, k] -> [a[k]] */                                                 \
  X(STORE_SUBSCR)        /* [v, a, k] -> []; a[k] = v */                                        \
  X(DELETE_SUBSCR)       /* [a, k] -> []; del a[k] */                                           \
  X(BUILD_SLICE)         /* arg 2|3: [start, stop(, step)] -> [slice] */                        \
  X(BUILD_TUPLE)         /* arg n: [items*n] -> [tuple] */                                      \
  X(BUILD_LIST)          /* arg n: [items*n] -> [list] */                                       \
  X(BUILD_SET)           /* arg n: [items*n] -> [set] */                                        \
  X(BUILD_MAP)           /* arg n: [k1, v1, ... kn, vn] -> [dict] */                            \
  X(BUILD_CONST_KEY_MAP) /* arg n: [v1..vn, keys_tuple] -> [dict] */                            \
  X(BUILD_STRING)        /* arg n: [s1..sn] -> [concatenation] (f-strings) */                   \
  X(FORMAT_VALUE)        /* arg: low 2 bits conversion (0 none,1 str,2 repr,3 ascii), 4: spec */\
                         /* on stack; [v(, spec)] -> [format(conv(v), spec)] */                 \
  X(LIST_APPEND)         /* arg i: [..., list at -i-1 ..., v] -> list.append(v) (pops v) */     \
  X(SET_ADD)             /* arg i: like LIST_APPEND for a set */                                \
  X(MAP_ADD)             /* arg i: [..., dict at -i-2 ..., k, v] -> dict[k] = v (pops k, v) */  \
  X(LIST_EXTEND)         /* arg i: [..., list at -i-1 ..., it] -> list.extend(it) */            \
  X(SET_UPDATE)          /* arg i: like LIST_EXTEND for a set */                                \
  X(DICT_UPDATE)         /* arg i: [..., dict at -i-1 ..., m] -> dict.update(m) */              \
  X(DICT_MERGE)          /* arg i: like DICT_UPDATE, TypeError on duplicate keys (f(**a, **b)) */\
  X(LIST_TO_TUPLE)       /* [list] -> [tuple(list)] */                                          \
  X(UNPACK_SEQUENCE)     /* arg n: [seq] -> [item_n-1, ..., item_0] (item_0 on top) */         \
  X(UNPACK_EX)           /* arg before | after<<8: a, *b, c = seq; pushes like UNPACK_SEQUENCE */\
  X(JUMP)                /* arg t: jump to t (a backward jump is a preemption point) */         \
  X(POP_JUMP_IF_FALSE)   /* arg t: [v] -> []; jump if not v */                                  \
  X(POP_JUMP_IF_TRUE)    /* arg t: [v] -> []; jump if v */                                      \
  X(POP_JUMP_IF_NONE)    /* arg t: [v] -> []; jump if v is None */                              \
  X(POP_JUMP_IF_NOT_NONE) /* arg t: [v] -> []; jump if v is not None */                         \
  X(JUMP_IF_FALSE_OR_POP) /* arg t: if not TOS jump (keep it) else pop */                       \
  X(JUMP_IF_TRUE_OR_POP) /* arg t: if TOS jump (keep it) else pop */                            \
  X(GET_ITER)            /* [v] -> [iter(v)] */                                                 \
  X(FOR_ITER)            /* arg t: [it] -> [it, next(it)]; when exhausted pop it and jump t */  \
  X(GET_AITER)           /* [v] -> [v.__aiter__()] */                                           \
  X(GET_ANEXT)           /* [ait] -> [ait, awaitable of ait.__anext__()] */                     \
  X(END_ASYNC_FOR)       /* [ait, exc] -> []: StopAsyncIteration ends the loop, else re-raise */\
  X(GET_AWAITABLE)       /* arg where (0 await, 1 aenter, 2 aexit): [v] -> [awaitable iter] */  \
  X(GET_YIELD_FROM_ITER) /* [v] -> [iter(v)] (a coroutine stays as is inside a coroutine) */    \
  X(SEND)                /* arg t: [recv, v] -> send v into recv: yielded y -> [recv, y] and  */\
                         /* fall through to YIELD_VALUE 1; returned r -> [r] and jump to t.   */\
                         /* Always emitted as: SEND t; YIELD_VALUE 1; JUMP <this SEND>.       */\
  X(YIELD_VALUE)         /* arg 1 inside a SEND loop, else 0: [v] -> yield v; resumed with x */ \
                         /* -> [x] (a throw raises here, or goes to the delegate first)        */\
  X(ASYNC_GEN_WRAP)      /* [v] -> [wrapped v]: marks an async generator's own yield          */\
  X(SETUP_FINALLY)       /* arg t: push handler t with the current stack depth */               \
  X(SETUP_CLEANUP)       /* arg t: push handler t with depth one less (keeps the saved exc) */  \
  X(SETUP_WITH)          /* arg t: push handler t with depth one less (the __enter__ result) */ \
  X(POP_BLOCK)           /* pop the innermost handler */                                        \
  X(PUSH_EXC_INFO)       /* [exc] -> [prev_handled, exc]; exc becomes the handled exception */  \
  X(POP_EXCEPT)          /* [prev_handled] -> []; it becomes the handled exception again */     \
  X(CHECK_EXC_MATCH)     /* [exc, type] -> [exc, isinstance(exc, type)] (type may be a tuple) */\
  X(CHECK_EG_MATCH)      /* except*: [eg, type] -> [rest, match] (match None: no match) */      \
  X(PREP_RERAISE_STAR)   /* except*: [orig, list_of_raised] -> [exc_to_raise or None] */        \
  X(RERAISE)             /* [exc] -> raise exc again (no new traceback entry) */                \
  X(RAISE_VARARGS)       /* arg 0: re-raise handled; 1: [exc] raise; 2: [exc, cause] from */   \
  X(LOAD_ASSERTION_ERROR) /* [] -> [AssertionError] */                                          \
  X(BEFORE_WITH)         /* [cm] -> [m|NULL, self|exit, cm.__enter__()] */                       \
  X(BEFORE_ASYNC_WITH)   /* [cm] -> [m|NULL, self|aexit, cm.__aenter__()] */                     \
  X(WITH_EXCEPT_START)   /* [m, s, prev, exc] -> [m, s, prev, exc, exit(type, exc, tb)] */      \
  X(MAKE_FUNCTION)       /* arg flags 1 defaults 2 kwdefaults 8 closure: [defs?, kwdefs?, */    \
                         /* closure_tuple?, code] -> [function] (name, qualname from code) */   \
  X(LOAD_BUILD_CLASS)    /* [] -> [builtins.__build_class__] */                                 \
  X(IMPORT_NAME)         /* arg k: [level, fromlist] -> [module names[k]] */                    \
  X(IMPORT_FROM)         /* arg k: [module] -> [module, module.names[k]] */                     \
  X(IMPORT_STAR)         /* [module] -> []; copy public names into the locals dict */           \
  X(SETUP_ANNOTATIONS)   /* creates __annotations__ in the locals dict if missing */

enum class Op : uint8_t {
#define LOOPLAB_OP_ENUM(name) name,
  LOOPLAB_OPCODES(LOOPLAB_OP_ENUM)
#undef LOOPLAB_OP_ENUM
      kCount
};

const char* op_name(Op op);
bool op_is_jump(Op op);  // true when arg is a jump target

inline uint32_t encode(Op op, uint32_t arg = 0) { return uint32_t(op) | (arg << 8); }
inline Op decode_op(uint32_t word) { return Op(word & 0xff); }
inline uint32_t decode_arg(uint32_t word) { return word >> 8; }

// BINARY_OP operands, as CPython 3.11 numbers them (inplace = plain + 13).
enum class BinOp : uint8_t {
  Add, And, FloorDivide, LShift, MatMul, Multiply, Remainder, Or, Power, RShift, Subtract,
  TrueDivide, Xor,
  InplaceAdd, InplaceAnd, InplaceFloorDivide, InplaceLShift, InplaceMatMul, InplaceMultiply,
  InplaceRemainder, InplaceOr, InplacePower, InplaceRShift, InplaceSubtract, InplaceTrueDivide,
  InplaceXor,
};

enum class CompareOp : uint8_t { Lt, Le, Eq, Ne, Gt, Ge };

// Code object flags, with CPython's values.
enum CodeFlags : uint32_t {
  kCoOptimized = 0x1,
  kCoNewLocals = 0x2,
  kCoVarArgs = 0x4,
  kCoVarKeywords = 0x8,
  kCoNested = 0x10,
  kCoGenerator = 0x20,
  kCoCoroutine = 0x80,
  kCoAsyncGenerator = 0x200,
};

}  // namespace looplab
