#!/usr/bin/env python3
"""Generates json_cases.inc and format_cases.inc: doctest CHECKs that run a Python snippet on the
engine and compare what it prints with what CPython printed for the same snippet (an exception
that escapes is shown as "ExcType: message").

    python3 tests/unit/snippet_cases_gen.py tests/unit
"""
import contextlib
import io
import os
import sys

JSON = {
    "json.loads values": [
        "import json\nfor t in ['1', '-0', '-0.0', '1.5e3', '1E+2', '12345678901234567890', 'NaN', '-Infinity',\n"
        "          'Infinity', 'true', 'false', 'null', '\"\\\\u00e9\\\\u314e\"', '\"\\\\ud83d\\\\ude00\"', '\"\\\\ud800\"',\n"
        "          '[\"\\\\/\"]', '\"\\\\\"\"', '{\"\":0}', '[1, [2, {\"k\": null}]]', '{\"a\":1, \"a\":2}', ' [ ] ',\n"
        "          '\"\\\\t\\\\b\\\\f\\\\r\\\\n\\\\\\\\\"', '{\"한글\": \"값\"}', '\"안녕\"', '0.1', '1e400', '-1e-400', '[]', '{}']:\n"
        "    print(repr(json.loads(t)))\n",
        "import json\nprint(json.loads(b'[1, \"\\xed\\x95\\x9c\"]'), json.loads(b'\\xef\\xbb\\xbf[2]'))\n",
        "import json\nprint(json.loads('{\"a\": 1.5}', parse_float=str), json.loads('[1]', parse_int=float))\n"
        "print(json.loads('{\"a\": 1, \"b\": 2}', object_pairs_hook=list))\n"
        "print(json.loads('{\"a\": 1}', object_hook=lambda d: sorted(d)))\n"
        "print(json.loads('[NaN, Infinity]', parse_constant=lambda c: 'C:' + c))\n"
        "print(json.loads('\"a\\tb\"', strict=False))\n",
        "import json\nprint(json.JSONDecoder().raw_decode('[1] xx'), json.JSONDecoder().raw_decode('  {}', 2))\n",
    ],
    "json.loads errors": [
        "import json\nfor t in ['', ' ', '[1,]', '{\"a\":1,}', '{\"a\" 1}', '{a:1}', '[1 2]', '\"abc', '\"a\\\\x\"',\n"
        "          '\"\\\\u12\"', '\"\\\\u12x4\"', '\"a\\tb\"', '01', '-', '1.', '1e', 'nul', 'true false', '\\ufeff1',\n"
        "          '  [ ]  x', '\\n\\n  {\\n \"a\": }', '1 2', '[-', '[1,\\n2,\\n]', '\"abc\\n', '{\"a\":', '[', '{',\n"
        "          '\"ㅎ', '[\"안녕\", x]', '{\"a\" : 1 \"b\"}', '\"\\\\']:\n"
        "    try:\n        json.loads(t)\n    except json.JSONDecodeError as e:\n"
        "        print(type(e).__module__, type(e).__name__, '|', e, '|', e.msg, e.pos, e.lineno, e.colno)\n",
        "import json\ntry:\n    json.loads('[1,\\n  x]')\nexcept ValueError as e:\n"
        "    print(repr(e.doc), e.args, isinstance(e, ValueError), json.JSONDecodeError.__mro__[1].__name__)\n",
        "import json\njson.loads(5)\n",
        "import json\njson.loads('{\"a\": }')\n",
    ],
    "json.dumps": [
        "import json\nfor o in [1.0, 1e16, float('nan'), float('inf'), -float('inf'), 'é\\U0001F600\\x7f\\x00\\x1f\"\\\\/',\n"
        "          {1: 2, True: 3, None: 4, 1.5: 5}, (1, 2), [], {}, {'a': [1, {'b': None}]}, 10**20, -0.0, 1e-7,\n"
        "          True, '안녕하세요', {'이름': '김철수', '나이': 30}, [0.1, 2.5e-8, 1e22], 'tab\\there']:\n"
        "    print(json.dumps(o), json.dumps(o, ensure_ascii=False))\n",
        "import json\nprint(json.dumps({'b': 1, 'a': [1, 2, {'c': []}], 'd': {}}, indent=2, sort_keys=True))\n"
        "print(json.dumps([1, [2, 3]], indent=0))\nprint(json.dumps([1, [2, 3]], indent='\\t'))\n"
        "print(json.dumps({'a': 1}, separators=(',', ':')))\nprint(json.dumps({(1, 2): 3, 'a': 1}, skipkeys=True))\n"
        "print(json.dumps({(1, 2): 3}, skipkeys=True, indent=2))\nprint(json.dumps({'k': [1]}, indent=4))\n"
        "print(json.dumps({'a': 1, 'b': [1, 2]}, indent=2, separators=(', ', ' = ')))\n",
        "import json\nfor kw in [dict(allow_nan=False), dict(allow_nan=False, indent=1)]:\n"
        "    try:\n        json.dumps([float('nan')], **kw)\n    except ValueError as e:\n        print(e)\n"
        "for bad in [{(1, 2): 3}, {1, 2}, b'x', object]:\n"
        "    try:\n        json.dumps(bad)\n    except TypeError as e:\n        print(e)\n"
        "l = []\nl.append(l)\ntry:\n    json.dumps(l)\nexcept ValueError as e:\n    print(e)\n"
        "d = {}\nd['self'] = d\ntry:\n    json.dumps(d)\nexcept ValueError as e:\n    print(e)\n"
        "try:\n    json.dumps({1: 'a', 'b': 2}, sort_keys=True)\nexcept TypeError as e:\n    print(e)\n",
        "import json\nclass P:\n    def __init__(self, x):\n        self.x = x\n"
        "class Enc(json.JSONEncoder):\n    def default(self, o):\n        if isinstance(o, P):\n"
        "            return {'P': o.x}\n        return super().default(o)\n"
        "print(json.dumps([P(1), P([P(2)])], cls=Enc))\nprint(json.dumps(P(3), default=lambda o: o.x))\n"
        "print(Enc(indent=1).encode({'p': P(None)}))\nprint(json.JSONEncoder().encode('é'), json.JSONEncoder(ensure_ascii=False).encode('é'))\n"
        "try:\n    json.dumps(P(3))\nexcept TypeError as e:\n    print(e)\n",
        "import json\nclass S(str):\n    pass\nclass L(list):\n    pass\nclass D(dict):\n    pass\n"
        "print(json.dumps(D(a=L([S('x'), 1]))))\n",
        "import json\ndata = {'users': [{'name': '김', 'tags': ['a', 'b'], 'score': 9.5}], 'ok': True}\n"
        "text = json.dumps(data, ensure_ascii=False, indent=2)\nprint(text)\nprint(json.loads(text) == data)\n"
        "print(json.dumps(json.loads(json.dumps(data))) == json.dumps(data))\n",
        "import json\nclass W:\n    def __init__(self):\n        self.parts = []\n    def write(self, s):\n        self.parts.append(s)\n"
        "w = W()\njson.dump({'a': [1, 2]}, w)\nprint(''.join(w.parts))\n"
        "class R:\n    def read(self):\n        return '{\"x\": [true]}'\nprint(json.load(R()))\n",
    ],
}

FORMAT = {
    "f-strings": [
        "name = 'World'\nx = 3.14159\nn = 42\nprint(f'Hello, {name}! {name!r:>10} {name:*^11}|{name:.3}|')\n"
        "print(f'{n} {n!r} {name!s} {\"ㅎ\"!a} {x!r}')\nw = 8\nprint(f'{name:>{w}}|{name:<{w}}|')\n"
        "print(f'{{literal}} {n}{{}}')\n",
        "for s in ['ㅎ', '안녕하세요', 'mixed 한글 text', '']:\n    print(f'[{s:^9}] [{s:>7.2}] [{s!r}]')\n",
        "items = [('apple', 3), ('banana', 12), ('kiwi', 7)]\nfor name, qty in items:\n    print(f'{name:<10}|{qty:>5}|')\n",
    ],
    "percent formatting": [
        "print('%s has %d items costing %.2f' % ('cart', 3, 9.5))\nprint('%5.1f%%' % 99.44)\n"
        "print('%(name)s is %(age)d' % {'name': '김', 'age': 30})\nprint('%-8s|%8s|' % ('ab', 'cd'))\n"
        "print('%x %X %o %#x %#o %e %E %g %G' % (255, 255, 8, 255, 8, 12345.678, 0.000123, 1e-5, 1e20))\n"
        "print('%+d % d %05d %-5d| %.3d' % (5, 5, -42, 42, 7))\nprint('%c%c%c' % (72, 'i', 0x314E))\n"
        "print('%r %a' % ('ㅎ', 'ㅎ'))\nprint('%s' % [1, 'a'], '%s' % ((1, 2),))\nprint('%.3s|%5.2s|' % ('abcdef', 'xyz'))\n",
        "for fmt, args in [('%d', 'x'), ('%s %s', (1,)), ('%s', (1, 2)), ('%(a)s', 1), ('%y', 1), ('%', ()),\n"
        "                  ('%x', 1.5), ('%c', 'ab'), ('%*d', ('a', 1)), ('%(a)s', {})]:\n"
        "    try:\n        print(fmt % args)\n    except Exception as e:\n        print(type(e).__name__, e)\n",
        "print('%d %i %u' % (3.99, -3.99, True))\nprint('%10.4f|%-10.2e|%+.0f' % (3.14159, 31415.9, 2.5))\n"
        "print('%f %F %e' % (float('inf'), float('nan'), float('-inf')))\nprint('%010.3f|%-010d|' % (-3.14159, 7))\n"
        "print('%x' % 2**70, '%d' % -2**65)\n",
    ],
    "str.format": [
        "print('{} {}'.format('a', 'b'), '{1} {0}'.format('a', 'b'), '{name}!'.format(name='Kim'))\n"
        "print('{0[1]} {1.real} {a[x]}'.format([1, 2], 5, a={'x': 'X'}))\nprint('{:*^9}|{:.2}|{!r}'.format('한글', '안녕하세요', 'q'))\n"
        "print('{:{w}.{p}}|'.format('abcdef', w=6, p=3))\nprint('{0:{1}}|'.format('ab', '>5'))\n"
        "print('{:>8}|{:<8}|{:^8}|'.format('a', 'b', 'c'))\nprint('{{}} {}'.format(1))\n",
        "for fmt, args, kw in [('{0}{}', (1, 2), {}), ('{}{0}', (1, 2), {}), ('{2}', (1, 2), {}), ('{x}', (), {}),\n"
        "                      ('{', (), {}), ('}', (), {}), ('{0!x}', (1,), {}), ('{:d}', ('a',), {}),\n"
        "                      ('{0:{1:{2}}}', ('a', 's', ''), {}), ('{0.nope}', (1,), {}), ('{0[5]}', ([1],), {})]:\n"
        "    try:\n        print(fmt.format(*args, **kw))\n    except Exception as e:\n        print(type(e).__name__, e)\n",
        "class P:\n    def __format__(self, spec):\n        return 'P<' + spec + '>'\n    def __repr__(self):\n        return 'Prepr'\n"
        "print('{:abc} {!r} {}'.format(P(), P(), P()))\nprint(format(P(), 'x'), f'{P():zz}')\n"
        "print('{0:{1}}'.format(P(), 'nested'))\nprint('{a}'.format_map({'a': P()}))\n",
    ],
    "format builtin": [
        "for spec in ['', '<6', '>6', '^6', '*^7', '.1', '6.2', 'ㅎ>4', 's']:\n    print(repr(format('ab', spec)), repr(format('한글', spec)))\n"
        "for spec in ['d', '+', ',', '=5', '#', 'z', 'ss', '.']:\n    try:\n        format('ab', spec)\n"
        "    except ValueError as e:\n        print(e)\n",
        "print(format(12, ''), format(3.5), format(True), format(None), format([1], ''))\n"
        "try:\n    format([1], 'x')\nexcept TypeError as e:\n    print(e)\n",
    ],
    "string building": [
        "s = ''\nfor i in range(2000):\n    s += str(i % 10)\nprint(len(s), s[:12], s[-5:])\n"
        "t = '-'.join(str(i) for i in range(5))\nprint(t, t.split('-'), t.replace('-', ''))\n"
        "parts = []\nfor ch in '안녕하세요':\n    parts.append(ch * 2)\nprint(''.join(parts), len(''.join(parts)))\n",
    ],
}


def run(src):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        try:
            exec(compile(src, "<test>", "exec"), {"__name__": "__main__"})
        except Exception as e:  # noqa: BLE001
            print("%s: %s" % (type(e).__name__, e))
    return buf.getvalue()


def cstr(s):
    out = []
    for b in s.encode("utf-8", "surrogatepass"):
        c = chr(b)
        if c == "\n":
            out.append("\\n")
        elif c in '"\\?':
            out.append("\\" + c)
        elif 32 <= b < 127:
            out.append(c)
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def emit(groups, path):
    with open(path, "w") as f:
        f.write("// Generated by snippet_cases_gen.py from CPython's own output; do not edit.\n")
        for name, snippets in groups.items():
            f.write('TEST_CASE("%s (as CPython)") {\n' % name)
            for src in snippets:
                f.write("  {\n    strtest::Py T;\n    CHECK(T.run(%s) ==\n          %s);\n  }\n" % (cstr(src), cstr(run(src))))
            f.write("}\n\n")


out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
emit(JSON, os.path.join(out_dir, "json_cases.inc"))
emit(FORMAT, os.path.join(out_dir, "format_cases.inc"))
