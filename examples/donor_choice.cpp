// Choosing a donor with hsct::donor: one patient graded against three donors (a sibling, a
// 10/10 unrelated donor and a haploidentical parent), each grade printed per locus with its
// direction, the DPB1 T-cell-epitope reading, the ABO/CMV/sex factors, and the ranking under
// the EBMT Handbook 2024 policy, each rank explained by the criterion that decided it. Output
// is checked against donor_choice.expected in CI. The release directory is the first argument
// (default: the copy of IPD-IMGT/HLA 3.58.0 in tests/data).
#include <hsct/donor/donor.hpp>

#include <array>
#include <iostream>
#include <string>
#include <vector>

#ifndef HSCT_EXAMPLE_HLA_DIR
#define HSCT_EXAMPLE_HLA_DIR "tests/data/hla/3.58.0"
#endif

namespace {
namespace d = hsct::donor;

std::string grade_text(const d::level_grade& g) {
    std::string s;
    if (g.status == d::match_status::unknown) {
        s += "unknown (";
        s += d::label(g.reason);
        s += ")";
        return s;
    }
    if (g.status == d::match_status::ambiguous) {
        s += "one of";
        for (const auto& x : g.possible_grades()) {
            s += ' ';
            s += std::to_string(x.mismatches);
            s += '/';
            s += std::to_string(x.gvh);
            s += '/';
            s += std::to_string(x.hvg);
        }
        return s;
    }
    s += std::to_string(g.grade.mismatches);
    s += " mismatch(es), GvH ";
    s += std::to_string(g.grade.gvh);
    s += ", HvG ";
    s += std::to_string(g.grade.hvg);
    s += " (";
    s += d::label(g.grade.direction());
    s += ")";
    return s;
}

std::string value_text(const d::ranking_value& v) {
    return v.known ? std::to_string(v.value) : std::string("not given");
}
}  // namespace

int main(int argc, char** argv) {
    const std::string dir = argc > 1 ? argv[1] : HSCT_EXAMPLE_HLA_DIR;
    const auto rel = d::load_hla_release(dir);
    if (!rel) {
        std::cout << "cannot load the release: " << rel.error().message() << "\n";
        return 1;
    }
    const auto patient = d::parse_hla_typing(
        *rel, "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01"
              "^DQB1*02:01+DQB1*03:01^DPB1*04:01+DPB1*04:01").value();
    struct donor {
        const char* id;
        d::donor_relation relation;
        const char* typing;
        const char* blood_group;
        d::cmv_serostatus cmv;
        hsct::sex sex;
        int age;
    };
    const std::array<donor, 3> donors{{
        {"sibling (58 y)", d::donor_relation::sibling,
         "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01"
         "^DQB1*02:01+DQB1*03:01^DPB1*04:01+DPB1*04:01",
         "O+", d::cmv_serostatus::positive, hsct::sex::female, 58},
        {"unrelated (24 y)", d::donor_relation::unrelated,
         "A*01:01+A*02:01^B*08:01+B*44:02^C*07:01+C*05:01^DRB1*03:01+DRB1*04:01"
         "^DQB1*02:01+DQB1*03:01^DPB1*03:01+DPB1*04:01",
         "A+", d::cmv_serostatus::positive, hsct::sex::male, 24},
        {"father (55 y)", d::donor_relation::parent,
         "A*01:01+A*01:01^B*08:01+B*07:02^C*07:01+C*07:02^DRB1*03:01+DRB1*15:01"
         "^DQB1*02:01+DQB1*06:02^DPB1*04:01+DPB1*02:01",
         "A+", d::cmv_serostatus::negative, hsct::sex::male, 55},
    }};

    std::vector<d::hla_match_result> grades;
    std::vector<d::donor_candidate> candidates;
    grades.reserve(donors.size());
    for (const auto& x : donors) {
        const auto typing = d::parse_hla_typing(*rel, x.typing).value();
        grades.push_back(d::assess_hla_match(patient, typing).value());
        const auto& m = grades.back();
        std::cout << x.id << ": " << static_cast<unsigned>(m.total(d::match_total_kind::ten).matched)
                  << "/10 at allele level, "
                  << static_cast<unsigned>(m.total(d::match_total_kind::eight, d::match_level::antigen).matched)
                  << "/8 at antigen level (IPD-IMGT/HLA " << m.release_version.view() << ")\n";
        for (const auto& l : m.loci) {
            if (l && (l->allele.status != d::match_status::decided || l->allele.grade.mismatches > 0)) {
                std::cout << "  " << d::label(l->locus) << ": " << d::label(l->kind()) << ", "
                          << grade_text(l->allele) << "\n";
            }
        }
        if (const auto& tce = m.at(d::match_locus::dpb1).tce; tce && tce->status == d::match_status::decided) {
            std::cout << "  DPB1 TCE (" << d::label(tce->reading) << ", " << d::label(tce->version)
                      << "): " << d::label(tce->outcome) << "\n";
        }
        d::compatibility_input in;
        in.recipient_blood_group = d::parse_blood_group("A+").value();
        in.donor_blood_group = d::parse_blood_group(x.blood_group).value();
        in.recipient_cmv = d::cmv_serostatus::positive;
        in.donor_cmv = x.cmv;
        in.recipient_sex = hsct::sex::male;
        in.donor_sex = x.sex;
        if (x.sex == hsct::sex::female) {
            in.donor_pregnancies = 2;
        }
        in.donor_age = hsct::age::make(x.age, 0).value();
        const auto c = d::assess_compatibility(in).value();
        std::cout << "  ABO: " << d::label(*c.abo) << " (" << d::label(*c.graft_processing_hint)
                  << "); CMV " << d::label(*c.cmv) << ": " << d::label(*c.cmv_risk_label)
                  << (*c.female_to_male ? "; female donor to male recipient" : "") << "\n";
        candidates.push_back({x.id, x.relation, nullptr, c});
    }
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        candidates[i].hla = &grades[i];
    }

    const auto ranking = d::rank_donors(candidates).value();
    std::cout << "ranking (" << ranking.policy_name << ": " << ranking.policy_source << "):\n";
    for (const auto& r : ranking.ranked) {
        std::cout << "  " << r.rank << ". " << candidates[r.candidate].id << ", "
                  << d::label(r.kind);
        if (r.tied_with_previous) {
            std::cout << " (tied with the donor above)";
        } else if (r.decided_by) {
            std::cout << " (below the donor above on: " << d::label(*r.decided_by) << ", "
                      << value_text(r.value) << " against " << value_text(r.previous_value) << ")";
        }
        std::cout << "\n";
    }
    for (const auto& e : ranking.excluded) {
        std::cout << "  excluded: " << candidates[e.candidate].id << ": " << d::label(e.reason) << "\n";
    }
    return 0;
}
