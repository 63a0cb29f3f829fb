// reflect-kiosk: the entry point. The command line is the CLI's; the window is the app's.
#include <sys/stat.h>

#include "app/gui_main.hpp"
#include "cli/command_line.hpp"

int main(int argc, char** argv) {
    // Everything the kiosk creates (database, WAL, backups) is private to its user.
    umask(077);
    reflect::cli::CommandLine commandLine;
    return commandLine.run(argc, argv, reflect::app::runGui);
}
