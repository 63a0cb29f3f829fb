// BoardScreen: the facilitator's theme board after the reveal: shuffled cards, select, group, name, tag, merge,
// split, hide and vote. Only rows on screen are drawn, so 500 cards stay smooth.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/kiosk/kiosk_view.hpp"
#include "ui/ui_context.hpp"
#include "ui/widgets/widgets.hpp"

namespace reflect::ui {

class BoardScreen {
public:
    void draw(const UiContext& ui, const core::BoardView& board);
    void reset();

private:
    enum class Edit { None, NewTheme, Rename, Split, Tags };
    void drawTopBar(const UiContext& ui, const core::BoardView& board, float width);
    void drawCards(const UiContext& ui, const core::BoardView& board, ImVec2 size);
    void drawThemes(const UiContext& ui, const core::BoardView& board, ImVec2 size);
    void drawActions(const UiContext& ui, const core::BoardView& board, float width);
    void drawEditor(const UiContext& ui, const core::BoardView& board);
    void handleKeys(const UiContext& ui, const core::BoardView& board);
    [[nodiscard]] std::int64_t selectedThemeOfCards(const core::BoardView& board) const;

    std::set<std::int64_t> m_selectedCards;
    std::vector<std::int64_t> m_selectedThemes;  ///< in the order picked: the first is what others merge into
    int m_cursor = 0;                            ///< keyboard position among the loose cards
    Edit m_edit = Edit::None;
    std::string m_name;
    std::string m_hint;  ///< shown greyed in an empty name field, and used if the field is left empty
    int m_tagCursor = 0;
    std::int64_t m_editTheme = 0;
    // Card heights depend only on the text and the column width; measured once per width.
    float m_measuredWidth = -1;
    std::unordered_map<std::int64_t, float> m_heights;
    std::unordered_map<std::int64_t, float> m_themeCardHeights;
    float m_themeWidth = -1;
    TypedCount m_people;  ///< the head count being typed, sent on Enter or when the field is left
};

}  // namespace reflect::ui
