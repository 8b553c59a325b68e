// run_both(): both pieces of work run to the end, and a failure in either reaches the caller.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>

#include "core/run_both.hpp"

TEST_CASE("run_both runs both pieces of work before it returns") {
  std::atomic<int> first{0}, second{0};
  core::run_both([&] { first = 1; }, [&] { second = 2; });
  CHECK(first == 1);
  CHECK(second == 2);
}

TEST_CASE("run_both passes on an exception from either piece, after both have finished") {
  std::atomic<bool> other_finished{false};
  CHECK_THROWS_WITH_AS(core::run_both([] { throw std::runtime_error("first failed"); }, [&] { other_finished = true; }),
                       "first failed", std::runtime_error);
  CHECK(other_finished);
  other_finished = false;
  CHECK_THROWS_WITH_AS(core::run_both([&] { other_finished = true; }, [] { throw std::runtime_error("second failed"); }),
                       "second failed", std::runtime_error);
  CHECK(other_finished);
}
