// Tracebacks as CPython 3.11 prints them, carets included: plain "^^^" under a failing call,
// "~~^~~" anchored on a binary operator, "~^^^^^" on a subscript's brackets, none when the
// expression is the whole line and has no anchors.
#include <doctest/doctest.h>

#include <string>

#include "engine/engine.h"

using namespace looplab;

namespace {

std::string stderr_of(const char* source) {
  Engine engine;
  engine.start(source, "main.py");
  engine.run_to_end();
  return engine.stderr_text();
}

}  // namespace

TEST_SUITE("traceback") {

TEST_CASE("a binary operation is anchored on its operator, even filling the line") {
  CHECK(stderr_of("def f(a, b):\n    return (a)  /  b\nf(1, 0)\n") ==
        "Traceback (most recent call last):\n"
        "  File \"main.py\", line 3, in <module>\n"
        "    f(1, 0)\n"
        "  File \"main.py\", line 2, in f\n"
        "    return (a)  /  b\n"
        "           ~~~~~^~~~\n"
        "ZeroDivisionError: division by zero\n");
  CHECK(stderr_of("x = 1\nx // 0\n") ==
        "Traceback (most recent call last):\n"
        "  File \"main.py\", line 2, in <module>\n"
        "    x // 0\n"
        "    ~~^^~~\n"
        "ZeroDivisionError: integer division or modulo by zero\n");
}

TEST_CASE("a subscript is anchored on its brackets; a call gets plain carets") {
  CHECK(stderr_of("d = {}\nv = d[\"키\"] + 1\n") ==
        "Traceback (most recent call last):\n"
        "  File \"main.py\", line 2, in <module>\n"
        "    v = d[\"키\"] + 1\n"
        "        ~^^^^^^\n"
        "KeyError: '키'\n");
  CHECK(stderr_of("def g():\n    raise ValueError('no')\nprint(g())\n") ==
        "Traceback (most recent call last):\n"
        "  File \"main.py\", line 3, in <module>\n"
        "    print(g())\n"
        "          ^^^\n"
        "  File \"main.py\", line 2, in g\n"
        "    raise ValueError('no')\n"
        "ValueError: no\n");
}

}  // TEST_SUITE
