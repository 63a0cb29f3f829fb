// CommandLine implementation.
#include "cli/command_line.hpp"

#include <iostream>

#include "cli/commands.hpp"
#include "core/clock.hpp"
#include "core/paths.hpp"

#ifndef REFLECT_SOURCE_ASSETS_DIR
#define REFLECT_SOURCE_ASSETS_DIR ""
#endif

namespace reflect::cli {

namespace fs = std::filesystem;

CommandLine::CommandLine() {
    addGuiFlags();
    addStorageCommands();
    addReviewCommands();
    m_app.require_subcommand(0, 1);
}

void CommandLine::addGuiFlags() {
    m_app.set_version_flag("--version", "reflect-kiosk 0.1.0");
    m_app.add_option("--db", m_common.db, "Database file (default: $XDG_DATA_HOME/reflect-kiosk/reflect.db)");
    m_app.add_option("--config", m_common.config, "Configuration file (config.toml)");
    m_app.add_option("--assets", m_common.assets, "Folder with templates, strings and signposts");
    m_app.add_flag("--windowed", m_gui.windowed, "Run in a window instead of full screen (development)");
    m_app.add_flag("--room-window", m_gui.roomWindow,
                   "With --windowed: the room view in a second window to the right of the console, as on two "
                   "displays (a desktop that joins two screens into one, or testing)");
    m_app.add_option("--size", m_gui.size, "Window size for --windowed and --screenshot, e.g. 1920x1080");
    m_app.add_flag("--kiosk", m_gui.kiosk, "Leaving the kiosk needs the facilitator PIN");
    m_app.add_option("--scale", m_gui.scale, "Extra scale for text and controls (0.5 to 4)")
        ->check(CLI::Range(0.5f, 4.0f));
    m_app.add_flag("--high-contrast", m_gui.highContrast, "Use the high-contrast theme");
    m_app.add_option("--screenshot", m_gui.screenshot, "Render --screen NAME with demo data, write this PNG, exit");
    m_app.add_option("--screen", m_gui.screen, "Screen for --screenshot; 'list' prints the names");
    m_app.add_flag("--print-events", m_gui.printEvents, "Print one line per saved stage change (for tests)");
    m_app.add_option("--listen", m_gui.listen, "Serve the phone page at ADDR:PORT (e.g. 0.0.0.0:8080)");
    m_app
        .add_option("--bench-board", m_gui.benchBoard,
                    "Time this many frames of a board with 500 cards, print the figures")
        ->check(CLI::Range(1, 100000));
}

void CommandLine::addStorageCommands() {
    m_templatesCmd = m_app.add_subcommand("templates", "Check template files");
    m_checkCmd =
        m_templatesCmd->add_subcommand("check", "Check every template in a folder (default: the built-in ones)");
    m_checkCmd->add_option("DIR", m_checkDir, "Folder of .toml templates");
    m_templatesCmd->require_subcommand(1);

    m_backupCmd = m_app.add_subcommand("backup", "Write a checked copy of the database into a folder");
    m_backupCmd->add_option("--to", m_backupTo, "Folder for the copy")->required();
    m_restoreCmd = m_app.add_subcommand("restore", "Replace the database with a backup that passes its check");
    m_restoreCmd->add_option("FILE", m_restoreFile, "Backup file")->required();
    m_verifyCmd = m_app.add_subcommand("verify", "Check the database (integrity and foreign keys); exit 0 or 1");

    m_setPinCmd = m_app.add_subcommand("set-pin", "Set the facilitator or lead PIN (read from standard input)");
    m_setPinCmd->add_option("--role", m_role, "lead or facilitator")
        ->required()
        ->check(CLI::IsMember({"lead", "facilitator"}));
}

void CommandLine::addReviewCommands() {
    // Lead review: demo data, exports, the printable report and retention.
    m_demoCmd = m_app.add_subcommand("demo-data", "Fill the database with realistic, repeatable demo history");
    m_demoCmd->add_option("--sessions", m_demoSessions, "How many sessions")->check(CLI::Range(1, 1000000));
    m_demoCmd->add_option("--seed", m_demoSeed, "The same seed gives the same history");
    m_exportCmd = m_app.add_subcommand("export", "Export suppressed figures as CSV or JSON");
    m_exportCmd->add_option("--format", m_exportArgs.format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
    m_exportCmd->add_option("--what", m_exportArgs.what, "sessions, themes, actions, evaluations or staff-groups")
        ->required()
        ->check(CLI::IsMember({"sessions", "themes", "actions", "evaluations", "staff-groups"}));
    m_exportCmd->add_option("--from", m_exportArgs.from, "First day (YYYY-MM-DD), widened to the start of its period");
    m_exportCmd->add_option("--to", m_exportArgs.to, "Last day (YYYY-MM-DD), widened to the end of its period");
    m_exportCmd->add_option("--period", m_exportArgs.period, "month, quarter or year")
        ->check(CLI::IsMember({"month", "quarter", "year"}));
    m_exportCmd->add_option("--group", m_exportArgs.group, "One group, by name or number");
    m_exportCmd->add_flag("--include-text", m_exportArgs.includeText,
                          "Include free text (only from sessions with enough contributions)");
    m_exportCmd->add_flag("--bom", m_exportArgs.bom, "Start the CSV with a byte-order mark (for Excel)");
    m_exportCmd->add_option("--output", m_exportArgs.output, "Write to this file instead of standard output");
    m_reportCmd = m_app.add_subcommand("report", "Write the printable HTML report");
    m_reportCmd->add_option("--html", m_reportArgs.file, "The HTML file to write")->required();
    m_reportCmd->add_option("--from", m_reportArgs.from, "First day (YYYY-MM-DD)");
    m_reportCmd->add_option("--to", m_reportArgs.to, "Last day (YYYY-MM-DD)");
    m_reportCmd->add_option("--group", m_reportArgs.group, "One group, by name or number");
    m_reportCmd->add_option("--period", m_reportArgs.period, "month, quarter or year")
        ->check(CLI::IsMember({"month", "quarter", "year"}));
    m_purgeCmd = m_app.add_subcommand("purge", "Delete contribution and comment text older than N days");
    m_purgeCmd->add_option("--older-than", m_purgeDays, "Days")->required()->check(CLI::Range(1, 36500));
    m_publishCmd = m_app.add_subcommand("publish", "Write a signed bundle of aggregates for the trust-wide review");
    m_publishCmd->add_option("--to", m_publishArgs.to, "Folder for the bundle (a USB stick or an outgoing share)");
    m_publishCmd->add_flag("--show-key", m_publishArgs.showKey,
                           "Print this kiosk's public key for the trust to register");
    m_publishCmd->add_flag("--all", m_publishArgs.all, "Send every unit again (for a trust that lost a bundle)");
    m_redactCmd = m_app.add_subcommand("redact", "Read text on standard input; write it with identifiers replaced");
    m_redactCmd->add_flag("--lines", m_redactLines, "Exactly one output line per input line");
}

int CommandLine::run(int argc, char** argv, const GuiRunner& runGui) {
    try {
        m_app.parse(argc, argv);
        m_gui.scaleGiven = m_app.count("--scale") > 0;
    } catch (const CLI::ParseError& e) {
        const int code = m_app.exit(e);
        return code == 0 ? 0 : 2;
    }

    const int code = runSubcommand();
    return code >= 0 ? code : runGui(m_common, m_gui);
}

/// -1 when no subcommand was given (the window starts).
int CommandLine::runSubcommand() {
    if (m_checkCmd->parsed()) {
        fs::path dir = m_checkDir;
        if (dir.empty()) {
            auto assets = core::findAssets(m_common.assets, exePath(), REFLECT_SOURCE_ASSETS_DIR);
            if (!assets) return failWith(assets.error().message);
            dir = *assets / "templates";
        }
        return templatesCheck(dir, std::cout, std::cerr);
    }
    if (m_redactCmd->parsed()) return redact(m_redactLines, std::cin, std::cout, std::cerr);
    if (m_backupCmd->parsed() || m_restoreCmd->parsed() || m_verifyCmd->parsed()) {
        const fs::path db = m_common.db.empty() ? core::defaultDatabasePath() : fs::path(m_common.db);
        if (m_verifyCmd->parsed()) return verify(db, std::cout, std::cerr);
        if (m_restoreCmd->parsed()) return restore(db, m_restoreFile, std::cout, std::cerr);
        core::SystemClock clock;
        return backup(db, m_backupTo, clock.wallNow(), std::cout, std::cerr);
    }
    if (m_setPinCmd->parsed()) {
        const fs::path db = m_common.db.empty() ? core::defaultDatabasePath() : fs::path(m_common.db);
        if (auto made = core::ensurePrivateFolder(db.parent_path()); !made) return failWith(made.error().message);
        return setPin(db, m_role, std::cin, std::cout, std::cerr);
    }
    if (m_demoCmd->parsed() || m_exportCmd->parsed() || m_reportCmd->parsed() || m_purgeCmd->parsed() ||
        m_publishCmd->parsed()) {
        auto assets = core::findAssets(m_common.assets, exePath(), REFLECT_SOURCE_ASSETS_DIR);
        if (!assets) return failWith(assets.error().message);
        const core::AppConfig config = readConfig(m_common.config);
        core::SystemClock openClock;
        auto opened = openDatabase(m_common.db, config.backupDir, openClock.wallNow());
        if (!opened) return failWith(opened.error().message);
        std::unique_ptr<core::Database>* db = &opened->db;
        core::ReviewSettings settings;
        settings.suppressionThreshold = config.suppressionThreshold;
        m_reportArgs.organisation = config.organisationName;
        core::SystemClock clock;
        if (m_demoCmd->parsed()) return demoData(**db, *assets, m_demoSessions, m_demoSeed, std::cout, std::cerr);
        if (m_publishCmd->parsed()) {
            const fs::path dbPath = m_common.db.empty() ? core::defaultDatabasePath() : fs::path(m_common.db);
            return publish(**db, dbPath.parent_path(), m_publishArgs, config, std::cout, std::cerr);
        }
        if (m_exportCmd->parsed())
            return exportData(**db, *assets, m_exportArgs, settings, clock, std::cout, std::cerr);
        if (m_reportCmd->parsed()) return report(**db, *assets, m_reportArgs, settings, clock, std::cout, std::cerr);
        return purge(**db, m_purgeDays, clock, std::cout, std::cerr);
    }
    return -1;
}

}  // namespace reflect::cli
