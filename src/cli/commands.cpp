// Subcommand implementations over the headless core.
#include "cli/commands.hpp"

#include <istream>
#include <ostream>

#include "core/access/pin_store.hpp"
#include "core/clock.hpp"
#include "core/storage/backup.hpp"
#include "core/storage/database.hpp"
#include "core/storage/migrations.hpp"
#include "core/templates/template_loader.hpp"

namespace reflect::cli {

int templatesCheck(const std::filesystem::path& dir, std::ostream& out, std::ostream& err) {
    const core::TemplateSet set = core::loadTemplates(dir);
    for (const auto& issue : set.issues) err << issue.toString() << '\n';
    for (const auto& t : set.templates)
        out << t.sourceFile << ": ok (" << t.name << ", " << t.stages.size() << " stages, about "
            << static_cast<long>(t.defaultMinutes() + 0.5) << " minutes)\n";
    out << set.templates.size() << " template(s) ok, " << set.issues.size() << " with problems\n";
    return set.issues.empty() && !set.templates.empty() ? 0 : 1;
}

int setPin(const std::filesystem::path& dbPath, const std::string& role, std::istream& in, std::ostream& out,
           std::ostream& err) {
    if (role != "lead" && role != "facilitator") {
        err << "reflect-kiosk: --role must be lead or facilitator\n";
        return 2;
    }
    std::string pin;
    std::getline(in, pin);
    while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) pin.pop_back();
    if (!core::isAcceptablePin(pin)) {
        err << "reflect-kiosk: a PIN must be 4 to 12 digits, given on standard input\n";
        return 1;
    }
    try {
        core::Database db(dbPath.string());
        core::migrate(db);
        core::SystemClock clock;
        core::PinStore pins(db, clock);
        auto result = pins.setPin(role == "lead" ? core::Role::Lead : core::Role::Facilitator, pin);
        std::fill(pin.begin(), pin.end(), '\0');
        if (!result) {
            err << "reflect-kiosk: " << result.error().message << '\n';
            return 1;
        }
    } catch (const core::SqliteError& e) {
        err << "reflect-kiosk: " << e.what() << '\n';
        return 1;
    }
    out << "The " << role << " PIN is set.\n";
    return 0;
}

int backup(const std::filesystem::path& dbPath, const std::filesystem::path& dir, std::int64_t wallNowMs,
           std::ostream& out, std::ostream& err) {
    std::error_code ec;
    if (!std::filesystem::exists(dbPath, ec)) {
        err << "reflect-kiosk: there is no database at " << dbPath.string() << '\n';
        return 1;
    }
    try {
        core::OpenOptions options;
        options.create = false;
        core::Database db(dbPath.string(), options);
        auto written = core::writeBackup(db, dir, wallNowMs);
        if (!written) {
            err << "reflect-kiosk: " << written.error().message << '\n';
            return 1;
        }
        out << written->string() << '\n';
        return 0;
    } catch (const core::SqliteError& e) {
        err << "reflect-kiosk: " << e.what() << '\n';
        return 1;
    }
}

int restore(const std::filesystem::path& dbPath, const std::filesystem::path& file, std::ostream& out,
            std::ostream& err) {
    auto restored = core::restoreBackup(file, dbPath);
    if (!restored) {
        err << "reflect-kiosk: " << restored.error().message << '\n';
        return 1;
    }
    out << "Restored " << dbPath.string() << " from " << file.string() << ".\n";
    return 0;
}

int verify(const std::filesystem::path& dbPath, std::ostream& out, std::ostream& err) {
    const std::string result = core::checkDatabaseFile(dbPath);
    if (result != "ok") {
        err << "reflect-kiosk: " << dbPath.string() << ": " << result << '\n';
        return 1;
    }
    out << dbPath.string() << ": ok\n";
    return 0;
}

}  // namespace reflect::cli
