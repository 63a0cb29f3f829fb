// Identifier scrubber, public API: placeholders, the rendering of findings, and scrubbing to a fixed point. The
// scanners (scan_*.cpp) and the resolver that merges their overlapping findings (resolver.cpp) do the finding.
#include "core/privacy/scrubber.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/contribute/secret_text.hpp"
#include "core/privacy/resolver.hpp"
#include "core/text/utf8.hpp"

namespace reflect::core {

std::string_view placeholderFor(IdentifierKind kind) noexcept {
    switch (kind) {
        case IdentifierKind::NhsNumber:
            return "[NHS_NUMBER]";
        case IdentifierKind::NiNumber:
            return "[NI_NUMBER]";
        case IdentifierKind::Postcode:
            return "[POSTCODE]";
        case IdentifierKind::Phone:
            return "[PHONE]";
        case IdentifierKind::Email:
            return "[EMAIL]";
        case IdentifierKind::Date:
            return "[DATE]";
        case IdentifierKind::Name:
            return "[NAME]";
        case IdentifierKind::Location:
            return "[LOCATION]";
        case IdentifierKind::HospitalNumber:
            return "[HOSPITAL_NUMBER]";
        case IdentifierKind::Registration:
            return "[REGISTRATION]";
        case IdentifierKind::Vehicle:
            return "[VEHICLE]";
        case IdentifierKind::Web:
            return "[WEB]";
    }
    return "[REDACTED]";
}

Scrubber::Scrubber() : m_names(names::builtIn()) {}

namespace {

using scan::findOnce;

// The replaced text, plus for every output byte the original bytes it came from (a placeholder's bytes all map
// to the whole identifier it replaced).
struct Rendered {
    SecretString text;  // holds raw text until the last round has found everything: zeroed when freed
    std::vector<std::size_t> from;
    std::vector<std::size_t> to;
};

Rendered render(std::string_view utf8, const std::vector<Finding>& findings) {
    Rendered out;
    out.text.reserve(utf8.size());
    const auto record = [&](std::size_t begin, std::size_t end) {
        out.from.resize(out.text.size(), begin);
        out.to.resize(out.text.size(), end);
    };
    // The same per-character decisions as appendSanitised(), done here because the offsets are needed too.
    const auto copy = [&](std::size_t begin, std::size_t end) {
        std::size_t pos = begin;
        while (pos < end) {
            const Utf8Char c = decodeUtf8(utf8, pos);
            const std::size_t next = pos + c.length;
            const char32_t peek =
                next < utf8.size() ? static_cast<char32_t>(static_cast<unsigned char>(utf8[next])) : 0;
            switch (controlHandling(c.codePoint, peek)) {
                case ControlHandling::Keep:
                    if (c.valid) {
                        out.text.append(utf8.substr(pos, c.length));
                    } else {
                        out.text.append("\xEF\xBF\xBD");  // U+FFFD, as appendSanitised writes it
                    }
                    break;
                case ControlHandling::Space:
                    out.text.push_back(' ');
                    break;
                case ControlHandling::Drop:
                    break;
            }
            record(pos, next);
            pos = next;
        }
    };
    std::size_t copied = 0;
    for (const Finding& f : findings) {
        copy(copied, f.begin);
        out.text += placeholderFor(f.kind);
        record(f.begin, f.end);
        copied = f.end;
    }
    copy(copied, utf8.size());
    return out;
}

// Folds findings made on the rendered text back into the original findings. A new finding swallows any old one it
// touches, because together they are one identifier ("mg441FY" + "[DATE]" in run-together text). Both lists are
// sorted and free of overlaps, so one sweep over them does it.
std::vector<Finding> mergeFindings(const std::vector<Finding>& old, const std::vector<Finding>& found,
                                   const Rendered& rendered) {
    struct Span {
        Finding finding;
        bool isNew;
    };
    std::vector<Span> all;
    all.reserve(old.size() + found.size());
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < old.size() || j < found.size()) {
        const bool takeNew = i >= old.size() || (j < found.size() && rendered.from[found[j].begin] < old[i].begin);
        if (takeNew) {
            const Finding& f = found[j++];
            all.push_back({Finding{f.kind, rendered.from[f.begin], rendered.to[f.end - 1]}, true});
        } else {
            all.push_back({old[i++], false});
        }
    }
    std::vector<Finding> merged;
    merged.reserve(all.size());
    bool groupHasNew = false;
    for (const Span& span : all) {
        if (!merged.empty() && span.finding.begin < merged.back().end) {
            Finding& group = merged.back();
            group.end = std::max(group.end, span.finding.end);
            if (span.isNew && !groupHasNew) {
                group.kind = span.finding.kind;
                groupHasNew = true;
            }
            continue;
        }
        merged.push_back(span.finding);
        groupHasNew = span.isNew;
    }
    return merged;
}

// One pass can leave an identifier that only appears once its neighbour became a placeholder (rare, and only in
// run-together text). Scrubbing the result again until nothing more is found makes the output a fixed point, so
// scrub(scrub(x)) == scrub(x). A real text settles after the first check; the cap keeps the work linear.
constexpr int kMaxClosureRounds = 6;

ScrubResult scrubToFixedPoint(std::string_view utf8, std::span<const names::Entry> nameList) {
    std::vector<Finding> findings = findOnce(utf8, nameList);
    Rendered rendered = render(utf8, findings);
    for (int round = 0; round < kMaxClosureRounds; ++round) {
        const std::vector<Finding> more = findOnce(rendered.text, nameList);
        if (more.empty()) {
            break;
        }
        findings = mergeFindings(findings, more, rendered);
        rendered = render(utf8, findings);
    }
    ScrubResult result{std::string(rendered.text.begin(), rendered.text.end()), std::move(findings)};
    wipeText(rendered.text);
    return result;
}

}  // namespace

std::vector<Finding> Scrubber::find(std::string_view utf8) const {
    return scrubToFixedPoint(utf8, m_names).findings;
}

ScrubResult Scrubber::scrub(std::string_view utf8) const {
    return scrubToFixedPoint(utf8, m_names);
}

}  // namespace reflect::core
