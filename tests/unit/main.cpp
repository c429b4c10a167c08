// The single doctest main for all unit tests (tests/unit/*_tests.cpp).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
