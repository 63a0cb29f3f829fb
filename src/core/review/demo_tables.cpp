// The demo history's tables.
#include "core/review/demo_tables.hpp"

namespace reflect::core::demo {

std::vector<Format> formats() {
    return {
        {"round",
         "round",
         "Schwartz Round",
         "Trust-wide Schwartz Round",
         1,
         25,
         80,
         40,
         70,
         true,
         0,
         0,
         false,
         {{"welcome", "Welcome and ground rules", 4, 0.05},
          {"panel-1", "Panellist 1: their story", 8, 0.2},
          {"panel-2", "Panellist 2: their story", 8, 0.2},
          {"panel-3", "Panellist 3: their story", 8, 0.25},
          {"discussion", "Open discussion", 25, 0.1},
          {"close", "Facilitator's close", 4, 0.3},
          {"evaluation", "Evaluation", 3, 0.0}}},
        {"round",
         "round",
         "Schwartz Round",
         "Children's services Round",
         1,
         15,
         45,
         30,
         60,
         true,
         0,
         0,
         false,
         {{"welcome", "Welcome and ground rules", 4, 0.05},
          {"panel-1", "Panellist 1: their story", 8, 0.2},
          {"panel-2", "Panellist 2: their story", 8, 0.2},
          {"discussion", "Open discussion", 30, 0.1},
          {"close", "Facilitator's close", 4, 0.3},
          {"evaluation", "Evaluation", 3, 0.0}}},
        {"team-time",
         "team-time",
         "Team Time",
         "Emergency department Team Time",
         2,
         8,
         25,
         25,
         45,
         true,
         0,
         2,
         false,
         {{"welcome", "Welcome and ground rules", 3, 0.05},
          {"story-1", "Storyteller 1: their story", 10, 0.3},
          {"discussion", "Facilitated discussion", 30, 0.15},
          {"close", "Close", 5, 0.2}}},
        {"team-time",
         "team-time",
         "Team Time",
         "Intensive care Team Time",
         2,
         8,
         20,
         25,
         45,
         true,
         0,
         2,
         false,
         {{"welcome", "Welcome and ground rules", 3, 0.05},
          {"story-1", "Storyteller 1: their story", 10, 0.3},
          {"discussion", "Facilitated discussion", 30, 0.15},
          {"close", "Close", 5, 0.2}}},
        {"action-learning",
         "action-learning-set",
         "Action Learning Set (half day)",
         "Ward managers' action learning set",
         1,
         4,
         7,
         8,
         16,
         false,
         2,
         4,
         false,
         {{"check-in", "Check-in and last meeting's actions", 20, 0.25},
          {"bids", "Bids for time", 10, 0.1},
          {"presenter-1", "Presenter 1: the issue", 45, 0.15},
          {"presenter-2", "Presenter 2: the issue", 45, 0.2},
          {"break", "Break", 15, 0.0},
          {"presenter-3", "Presenter 3: the issue", 45, 0.2},
          {"review", "Process review", 15, -0.1},
          {"close", "Close", 5, 0.0}}},
        {"action-learning",
         "action-learning-set-90",
         "Action Learning Set (90 minutes)",
         "Newly qualified nurses' set",
         1,
         4,
         7,
         8,
         16,
         false,
         1,
         3,
         false,
         {{"check-in", "Check-in and last meeting's actions", 10, 0.3},
          {"bids", "Bids for time", 5, 0.1},
          {"presenter-1", "Presenter 1: the issue", 30, 0.15},
          {"presenter-2", "Presenter 2: the issue", 30, 0.2},
          {"review", "Process review", 10, -0.2},
          {"close", "Close", 5, 0.0}}},
        {"peer-support",
         "peer-support-group",
         "Peer support group",
         "Maternity peer support",
         2,
         5,
         14,
         15,
         35,
         true,
         0,
         1,
         true,
         {{"check-in", "Check-in", 10, 0.2},
          {"agreements", "Our agreements", 5, 0.0},
          {"sharing", "Sharing", 30, 0.15},
          {"support", "Mutual support", 20, 0.1},
          {"take-away", "What I take away", 10, 0.0},
          {"close", "Close and support", 5, 0.0}}},
        {"peer-support",
         "peer-support-group",
         "Peer support group",
         "Mental health peer support",
         2,
         5,
         12,
         15,
         35,
         true,
         0,
         1,
         true,
         {{"check-in", "Check-in", 10, 0.2},
          {"agreements", "Our agreements", 5, 0.0},
          {"sharing", "Sharing", 30, 0.15},
          {"support", "Mutual support", 20, 0.1},
          {"take-away", "What I take away", 10, 0.0},
          {"close", "Close and support", 5, 0.0}}},
        {"supervision",
         "group-reflective-supervision",
         "Group reflective supervision",
         "Therapies reflective supervision",
         1,
         4,
         9,
         10,
         20,
         false,
         0,
         1,
         false,
         {{"check-in", "Check-in", 10, 0.2},
          {"agreements", "Our agreements", 5, 0.0},
          {"case", "A case or experience", 20, 0.2},
          {"reflection", "Reflection in the group", 25, 0.1},
          {"learning", "Learning and what I take away", 10, 0.0},
          {"close", "Close", 5, 0.0}}},
    };
}

std::vector<std::string_view> phrasesFor(std::string_view tag) {
    if (tag == "moral-distress")
        return {"knowing what the patient needed and not being able to give it",
                "the gap between the care we want to give and the care we can give",
                "being asked to discharge someone I felt was not ready"};
    if (tag == "grief-and-loss")
        return {"the patient who died on the night shift", "how a death on the ward stays with the whole team",
                "carrying grief home after a long week"};
    if (tag == "compassion")
        return {"how gentle the team was with a frightened family", "the care people showed when it mattered",
                "wanting to ease someone's pain even for a moment"};
    if (tag == "teamwork")
        return {"how the team pulled together on a very hard day",
                "the porter, the nurse and the doctor all helping each other", "feeling that we carry things together"};
    if (tag == "feeling-unsupported")
        return {"being left on my own with a very sick patient", "nobody asking how we were afterwards",
                "feeling that no one noticed what we went through"};
    if (tag == "pride")
        return {"feeling proud of what we managed together", "a good day when everything worked",
                "remembering why I came into this work"};
    if (tag == "boundaries")
        return {"how close is too close with a long-stay patient", "taking worries home every night",
                "finding it hard to say no"};
    if (tag == "hope")
        return {"a patient walking out of the unit after months", "seeing a way forward at last",
                "small signs that things are getting better"};
    if (tag == "guilt")
        return {"wondering if I could have done more", "replaying the shift in my head",
                "feeling I let the family down"};
    if (tag == "powerlessness")
        return {"watching things unfold and not being able to change them", "waiting for a bed that never came",
                "decisions made far away from the ward"};
    if (tag == "kindness")
        return {"a cup of tea someone made without being asked", "a thank-you card that meant a lot",
                "a colleague covering so I could take a break"};
    if (tag == "being-human-too")
        return {"having my own worries at home while working", "crying in the car park and then going back in",
                "remembering that we are people too"};
    if (tag == "difficult-conversations")
        return {"breaking bad news to a family", "telling a colleague something they did not want to hear",
                "a conversation about stopping treatment"};
    if (tag == "when-things-go-wrong")
        return {"a near miss that still worries me", "the investigation after an incident",
                "living with a mistake afterwards"};
    if (tag == "exhaustion-and-workload")
        return {"too many patients and too few staff", "working through breaks again",
                "the tiredness that builds up over weeks"};
    if (tag == "connection-with-patients")
        return {"a patient who taught me something about myself", "really listening to someone's story",
                "seeing the person and not only the illness"};
    if (tag == "conflict-and-difference")
        return {"a disagreement between teams about a plan", "different views on what was right",
                "tension in handovers"};
    if (tag == "learning-and-growth")
        return {"how much I have learned this year", "trying a new way of doing things",
                "learning from each other's stories"};
    if (tag == "recognition")
        return {"nobody seeing the work behind the scenes", "being thanked by a manager for once",
                "wanting our effort to be noticed"};
    if (tag == "fear")
        return {"being afraid of getting it wrong", "feeling unsafe on a busy night",
                "worry about what might happen next"};
    if (tag == "waiting-and-delay")
        return {"patients waiting for hours in the corridor", "delays that nobody could explain",
                "waiting for results while the family waited too"};
    if (tag == "looking-after-ourselves")
        return {"finding time to rest between shifts", "what helps me switch off",
                "asking for help before it gets too much"};
    return {"what we talked about today", "how it felt to hear it", "something that stayed with me"};
}

}  // namespace reflect::core::demo
