// Tests for include/hsct/engraftment/transfusion.hpp: records in any order, the last before and
// the first after a day, and records refused with their index.
#include <hsct/engraftment/transfusion.hpp>

#include <vector>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_engraftment_transfusion_test {

namespace e = hsct::engraftment;
using hsct::transplant_day;

TEST_CASE("transfusion days by product, in order", "[ENG-TX-001]") {
    const std::vector<e::transfusion_record> in{{transplant_day::at(9), e::blood_product::platelets},
                                                {transplant_day::at(2), e::blood_product::platelets},
                                                {transplant_day::at(5), e::blood_product::red_cells},
                                                {transplant_day::at(2), e::blood_product::platelets}};
    const auto log = e::make_transfusion_log(in);
    REQUIRE(log.has_value());
    CHECK(log->days(e::blood_product::platelets).size() == 3);
    CHECK(log->days(e::blood_product::red_cells).size() == 1);
    CHECK(log->last_on_or_before(e::blood_product::platelets, transplant_day::at(8)) == transplant_day::at(2));
    CHECK(log->last_on_or_before(e::blood_product::platelets, transplant_day::at(9)) == transplant_day::at(9));
    CHECK_FALSE(log->last_on_or_before(e::blood_product::platelets, transplant_day::at(1)).has_value());
    CHECK(log->first_on_or_after(e::blood_product::platelets, transplant_day::at(3)) == transplant_day::at(9));
    CHECK_FALSE(log->first_on_or_after(e::blood_product::red_cells, transplant_day::at(6)).has_value());
    CHECK(e::make_transfusion_log({})->days(e::blood_product::platelets).empty());
}

TEST_CASE("a transfusion without a day, or of no declared product, is refused", "[ENG-TX-001]") {
    const std::vector<e::transfusion_record> no_day{{transplant_day::at(1), e::blood_product::platelets},
                                                    {std::nullopt, e::blood_product::platelets}};
    const auto a = e::make_transfusion_log(no_day);
    REQUIRE_FALSE(a.has_value());
    CHECK(a.error().field() == "transfusions[1].day");
    CHECK(a.error().code() == hsct::errc::missing);
    const std::vector<e::transfusion_record> odd{{transplant_day::at(1), static_cast<e::blood_product>(5)}};
    CHECK(e::make_transfusion_log(odd).error().field() == "transfusions[0].product");
    const std::vector<e::transfusion_record> many(513, {transplant_day::at(1), e::blood_product::platelets});
    CHECK(e::make_transfusion_log(many).error().field() == "transfusions");
}

TEST_CASE("at most 512 records: 512 of one product accepted, 513 refused", "[ENG-TX-001]") {
    // 512 platelet transfusions fill the platelet list to its bound
    std::vector<e::transfusion_record> in;
    for (int k = 0; k < 512; ++k) {
        in.push_back({transplant_day::at(k % 200), e::blood_product::platelets});
    }
    REQUIRE(in.size() == e::transfusions_max);
    const auto full = e::make_transfusion_log(in);
    REQUIRE(full.has_value());
    CHECK(full->days(e::blood_product::platelets).size() == 512);
    CHECK(full->days(e::blood_product::red_cells).empty());
    CHECK(full->days(e::blood_product::platelets).front() == transplant_day::at(0));
    CHECK(full->days(e::blood_product::platelets).back() == transplant_day::at(199));
    // and 512 red-cell transfusions fill the other list
    std::vector<e::transfusion_record> red(512, {transplant_day::at(4), e::blood_product::red_cells});
    CHECK(e::make_transfusion_log(red)->days(e::blood_product::red_cells).size() == 512);
    // one more, of either product, is refused, naming the records
    for (const auto p : {e::blood_product::platelets, e::blood_product::red_cells}) {
        auto over = in;
        over.push_back({transplant_day::at(7), p});
        const auto r = e::make_transfusion_log(over);
        REQUIRE_FALSE(r.has_value());
        CHECK(r.error().field() == "transfusions");
        CHECK(r.error().code() == hsct::errc::out_of_range);
        CHECK(r.error().value() == "513");
        CHECK(r.error().requirement() == "ENG-TX-001");
    }
}

}  // namespace hsct_test_engraftment_transfusion_test
