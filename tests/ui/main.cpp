// The interface test runner: doctest's own main (native only: no GPU or window is needed).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
