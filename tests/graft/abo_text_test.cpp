// Tests for include/hsct/graft/abo_text.hpp: an ABO-incompatible product's sides rendered from the
// data (titres as 1:n), in English and through a second catalogue.
#include <hsct/graft/abo_text.hpp>

#include <optional>
#include <string>

#include "support/catch.hpp"

// This file's own namespace: the test executables are unity builds (tests/CMakeLists.txt).
namespace hsct_test_graft_abo_text_test {

namespace g = hsct::graft;
namespace u = hsct::units;
using hsct::donor::abo_relation;

namespace {
g::product marrow(double rbc_ml) {
    g::product_input in;
    in.source = g::product_source::bone_marrow;
    in.use = g::product_use::allogeneic;
    in.volume = hsct::volume(1200.0, u::mL);
    in.at_collection.red_cell_volume = hsct::volume(rbc_ml, u::mL);
    return *g::make_product(in);
}
constexpr hsct::catalogue_entry german[] = {
    {"abo_relation", "major", "Major-ABO-Inkompatibilitaet"},
    {"abo_graft", "red_cells", "Erythrozyten"},
    {"abo_graft", "plasma", "Plasma"},
    {"abo_graft_action", "consider", "Reduktion erwaegen"},
    {"abo_graft_action", "not_applicable", "entfaellt"},
    {"abo_graft_criterion", "red_cell_volume", "Erythrozytenvolumen ueber der Grenze"},
    {"abo_graft_criterion", "recipient_titre", "Titer des Empfaengers ueber der Grenze"},
    {"outcome", "met", "erfuellt"},
    {"text", "unverified", "ungeprueft"},
};
}  // namespace

TEST_CASE("titres print as 1:n or negative", "[GRAFT-ABO-001][text]") {
    CHECK(g::to_string(*g::parse_titre("1/256")) == "1:256");
    CHECK(g::to_string(g::agglutinin_titre::negative()) == "negative");
}

TEST_CASE("each side with its criteria, the titres as dilutions", "[GRAFT-ABO-002][GRAFT-ABO-003][text]") {
    g::abo_graft_input in;
    in.relation = abo_relation::bidirectional;
    in.recipient_anti_donor_titre = *g::parse_titre("1:64");
    CHECK(g::render(*g::assess_abo_graft(marrow(80.0), in)) ==
          "bidirectional ABO incompatibility: red cells: reduction to be considered (red-cell volume above the limit: "
          "80.0 mL > 30 mL: met; recipient's anti-donor titre above the limit: 1:64 > 1:32: met) (hsct reading, "
          "unverified) [GRAFT-ABO-002]; plasma: reduction to be considered (the product was plasma-reduced: absent: "
          "not met) [GRAFT-ABO-003]");
    in.relation = abo_relation::major;
    in.recipient_anti_donor_titre.reset();
    CHECK(g::render(*g::assess_abo_graft(marrow(80.0), in)) ==
          "major ABO incompatibility: red cells: unknown (an input is missing) (red-cell volume above the limit: 80.0 mL "
          "> 30 mL: met; recipient's anti-donor titre above the limit: the recipient's anti-donor titre missing: unknown "
          "(input missing)) (hsct reading, unverified) [GRAFT-ABO-002]; plasma: does not apply to this ABO relation");
    g::abo_graft_policy centre;
    centre.donor_titre_at_or_above = g::agglutinin_titre::dilution(128);
    centre.verified = true;
    g::abo_graft_input minor;
    minor.relation = abo_relation::minor;
    minor.donor_anti_recipient_titre = g::agglutinin_titre::negative();
    CHECK(g::render(*g::assess_abo_graft(marrow(80.0), minor, centre)) ==
          "minor ABO incompatibility: red cells: does not apply to this ABO relation; plasma: not indicated by the "
          "policy (the product was plasma-reduced: absent: not met; donor's anti-recipient titre at or above the "
          "limit: negative >= 1:128: not met) [GRAFT-ABO-003]");
}

TEST_CASE("an ABO result through another catalogue", "[GRAFT-ABO-002][text]") {
    const hsct::table_catalogue de(german);
    g::abo_graft_input in;
    in.relation = abo_relation::major;
    in.recipient_anti_donor_titre = *g::parse_titre("1:64");
    CHECK(g::render(*g::assess_abo_graft(marrow(80.0), in), de) ==
          "Major-ABO-Inkompatibilitaet: Erythrozyten: Reduktion erwaegen (Erythrozytenvolumen ueber der Grenze: 80.0 mL "
          "> 30 mL: erfuellt; Titer des Empfaengers ueber der Grenze: 1:64 > 1:32: erfuellt) (ungeprueft) "
          "[GRAFT-ABO-002]; Plasma: entfaellt");
}

}  // namespace hsct_test_graft_abo_text_test
