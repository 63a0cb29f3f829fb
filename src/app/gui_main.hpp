// runGui: starts the kiosk window (or writes one demo screen as a PNG) for the command line.
#pragma once

#include "cli/startup.hpp"

namespace reflect::app {

/// Returns the process's exit code.
int runGui(const cli::CommonArgs& common, const cli::GuiArgs& gui);

}  // namespace reflect::app
