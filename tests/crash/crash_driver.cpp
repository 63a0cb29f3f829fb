// crash_driver: the real submit path on a real file, for the SIGKILL test. Opens (and recovers) the database,
// joins the one session (starting it if needed), then submits "crash-entry <n>" for n = FROM, FROM+1, ...
// through ContributionStore::add and prints "ack <n>" only after add() has returned success. It runs until
// it is killed. Usage: crash_driver DB FROM TEMPLATES_DIR
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/clock.hpp"
#include "core/contribute/contribution_store.hpp"
#include "core/session/session_service.hpp"
#include "core/storage/database.hpp"
#include "core/storage/migrations.hpp"
#include "core/templates/template_loader.hpp"

int main(int argc, char** argv) {
    using namespace reflect;
    if (argc != 4) {
        std::fputs("usage: crash_driver DB FROM TEMPLATES_DIR\n", stderr);
        return 2;
    }
    const std::string path = argv[1];
    long next = std::strtol(argv[2], nullptr, 10);
    try {
        core::Database db(path);
        core::migrate(db);
        const std::string check = db.quickCheck();
        if (check != "ok") {
            std::fprintf(stderr, "crash_driver: quick_check: %s\n", check.c_str());
            return 1;
        }
        std::int64_t session = 0;
        {
            auto stmt = db.prepare("SELECT id FROM sessions ORDER BY id LIMIT 1");
            if (stmt.step()) session = stmt.columnInt(0);
        }
        if (session == 0) {
            const core::TemplateSet templates = core::loadTemplates(argv[3]);
            const auto* round = templates.find("round");
            if (!round) return 1;
            core::SystemClock clock;
            core::SessionService service(db, clock);
            if (!service.start(*round, {})) return 1;
            session = service.activeId();
        }
        std::puts("ready");
        std::fflush(stdout);
        core::ContributionStore store(db);
        for (;; ++next) {
            const std::string text = "crash-entry " + std::to_string(next);
            auto added = store.add(session, 2, text, false);
            if (!added) {
                std::fprintf(stderr, "crash_driver: %s\n", added.error().message.c_str());
                return 1;
            }
            std::printf("ack %ld\n", next);
            std::fflush(stdout);
        }
    } catch (const core::SqliteError& e) {
        std::fprintf(stderr, "crash_driver: %s\n", e.what());
        return 1;
    }
}
