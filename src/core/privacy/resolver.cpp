// The resolver: every scanner's candidates, settled in priority order; a name gives up only its overlapping words.
#include "core/privacy/resolver.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/contribute/secret_text.hpp"
#include "core/privacy/scanner.hpp"

namespace reflect::core::scan {

std::vector<Finding> findOnce(std::string_view utf8, std::span<const names::Entry> nameList) {
    View view = buildView(utf8);
    const WipeOnExit<SecretU32String> wipe(view.text);
    const SecretU32String& t = view.text;
    std::vector<Candidate> candidates = Scanner(t, nameList).run();

    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (priorityOf(a.kind) != priorityOf(b.kind)) {
            return priorityOf(a.kind) < priorityOf(b.kind);
        }
        if (a.begin != b.begin) {
            return a.begin < b.begin;
        }
        return a.end - a.begin > b.end - b.begin;
    });

    // Claim view positions in priority order. Each scanner's own candidates never overlap, so the total work of
    // the claim checks is bounded by a few passes over the text.
    std::vector<std::uint8_t> claimed(t.size(), 0);
    std::vector<Candidate> accepted;
    const auto isFree = [&](std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) {
            if (claimed[i] != 0) {
                return false;
            }
        }
        return true;
    };
    const auto claim = [&](const Candidate& c) {
        std::fill(claimed.begin() + static_cast<std::ptrdiff_t>(c.begin),
                  claimed.begin() + static_cast<std::ptrdiff_t>(c.end), std::uint8_t{1});
        accepted.push_back(c);
    };
    const auto trimmedPiece = [&](std::size_t begin, std::size_t end) -> std::optional<Candidate> {
        // Shrink to whole words: drop a partial word at either cut and any spaces or punctuation at the edges.
        if (end < t.size() && end > begin && isWordChar(t[end]) && isWordChar(t[end - 1])) {
            while (end > begin && isWordChar(t[end - 1])) {
                --end;
            }
        }
        if (begin > 0 && begin < end && isWordChar(t[begin]) && isWordChar(t[begin - 1])) {
            while (begin < end && isWordChar(t[begin])) {
                ++begin;
            }
        }
        while (end > begin && !isLetter(t[end - 1])) {
            --end;
        }
        while (begin < end && !isLetter(t[begin])) {
            ++begin;
        }
        if (begin >= end || !isFree(begin, end)) {
            return std::nullopt;
        }
        return Candidate{IdentifierKind::Name, begin, end};
    };

    for (const Candidate& c : candidates) {
        if (isFree(c.begin, c.end)) {
            claim(c);
            continue;
        }
        if (c.kind != IdentifierKind::Name) {
            continue;
        }
        // A name loses only the words another finding took: "Priya Ward 7" -> "[NAME] [LOCATION]".
        std::size_t firstClaimed = c.begin;
        while (claimed[firstClaimed] == 0) {
            ++firstClaimed;
        }
        std::size_t lastClaimed = c.end - 1;
        while (claimed[lastClaimed] == 0) {
            --lastClaimed;
        }
        if (const auto left = trimmedPiece(c.begin, firstClaimed)) {
            claim(*left);
        }
        if (const auto right = trimmedPiece(lastClaimed + 1, c.end)) {
            claim(*right);
        }
    }

    std::sort(accepted.begin(), accepted.end(),
              [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    std::vector<Finding> findings;
    findings.reserve(accepted.size());
    for (const Candidate& c : accepted) {
        findings.push_back(Finding{c.kind, view.from[c.begin], view.to[c.end - 1]});
    }
    return findings;
}

}  // namespace reflect::core::scan
