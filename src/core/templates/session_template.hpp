// SessionTemplate: one session format (a Round, Team Time, a set...) as loaded from a TOML file.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace reflect::core {

/// What a stage offers besides its timer. Later features key off these.
struct StageFlags {
    bool acceptsContributions = false;
    bool evaluation = false;
    bool actionsReview = false;
    bool operator==(const StageFlags&) const = default;
};

struct StageDef {
    std::string key;
    std::string name;
    double minutes = 0;
    std::optional<double> minMinutes;
    std::optional<double> maxMinutes;
    std::string prompt;
    std::string guidance;
    std::string repeat;  ///< key of the repeat block this stage belongs to, or empty
    StageFlags flags;
    int line = 0;  ///< line in the source file, for messages
};

/// A block of consecutive stages that repeats once per panellist, storyteller or presenter.
struct RepeatDef {
    std::string key;
    std::string label;  ///< "Panellist {n}" or "Presenter {letter}"
    int defaultCount = 1;
    int min = 1;
    int max = 1;
    bool shareRemaining = false;
    [[nodiscard]] std::string labelFor(int index) const;  ///< index from 0
};

struct SessionTemplate {
    std::string id;
    std::string name;
    std::string format;
    std::string purpose;
    std::optional<double> minutes;
    std::vector<std::string> agreements;
    std::vector<std::string> evaluationStatements;
    std::vector<RepeatDef> repeats;
    std::vector<StageDef> stages;
    std::string sourceFile;  ///< file name only, for messages

    [[nodiscard]] const RepeatDef* findRepeat(const std::string& key) const;
    /// Planned length in minutes with default repeat counts.
    [[nodiscard]] double defaultMinutes() const;
};

/// Formats the kiosk knows how to label; a template must use one of them.
[[nodiscard]] bool isKnownFormat(const std::string& format);

}  // namespace reflect::core
