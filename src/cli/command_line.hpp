// CommandLine: the stable command-line contract (PRODUCT.md): flags, subcommands and exit codes. The window is
// started through a callback, so the subcommands stay free of GLFW and the UI.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/publish_command.hpp"
#include "cli/review_commands.hpp"
#include "cli/startup.hpp"

namespace reflect::cli {

/// Starts the kiosk window; returns the process's exit code.
using GuiRunner = std::function<int(const CommonArgs&, const GuiArgs&)>;

class CommandLine {
public:
    CommandLine();
    /// Parses and runs one command. 0 success, 1 failure (one line on stderr), 2 bad usage.
    int run(int argc, char** argv, const GuiRunner& runGui);

private:
    void addGuiFlags();
    void addStorageCommands();
    void addReviewCommands();
    int runSubcommand();

    CLI::App m_app{"Reflect Kiosk: guides reflective-practice sessions on one shared screen.", "reflect-kiosk"};
    CommonArgs m_common;
    GuiArgs m_gui;
    CLI::App* m_templatesCmd = nullptr;
    CLI::App* m_checkCmd = nullptr;
    std::string m_checkDir;
    CLI::App* m_backupCmd = nullptr;
    std::string m_backupTo;
    CLI::App* m_restoreCmd = nullptr;
    std::string m_restoreFile;
    CLI::App* m_verifyCmd = nullptr;
    CLI::App* m_setPinCmd = nullptr;
    std::string m_role;
    CLI::App* m_demoCmd = nullptr;
    int m_demoSessions = 200;
    std::uint64_t m_demoSeed = 1;
    CLI::App* m_exportCmd = nullptr;
    ExportArgs m_exportArgs;
    CLI::App* m_reportCmd = nullptr;
    ReportArgs m_reportArgs;
    CLI::App* m_purgeCmd = nullptr;
    int m_purgeDays = 0;
    CLI::App* m_redactCmd = nullptr;
    CLI::App* m_publishCmd = nullptr;
    PublishArgs m_publishArgs;
    bool m_redactLines = false;
};

}  // namespace reflect::cli
