// Subcommand implementations over the headless core.
#include "cli/commands.hpp"

#include <iterator>

#include "core/privacy/scrubber.hpp"
#include "core/text/utf8.hpp"

#include <istream>
#include <ostream>

#include "core/access/pin_store.hpp"
#include "core/clock.hpp"
#include "core/review/audit_log.hpp"
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
        // The audit log records that a PIN changed (never the PIN).
        if (auto logged = core::AuditLog(db, clock).record(role, "pin change", ""); !logged) {
            err << "reflect-kiosk: " << logged.error().message << '\n';
            return 1;
        }
    } catch (const core::SqliteError& e) {
        err << "reflect-kiosk: " << e.what() << '\n';
        return 1;
    }
    out << "The " << role << " PIN is set.\n";
    return 0;
}

int redact(bool lines, std::istream& in, std::ostream& out, std::ostream& err) {
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        err << "reflect-kiosk: redact: standard input could not be read\n";
        return 1;
    }
    if (!core::isValidUtf8(text)) {
        std::size_t line = 1, start = 0;
        for (std::size_t i = 0; i <= text.size(); ++i) {
            if (i == text.size() || text[i] == '\n') {
                if (!core::isValidUtf8(std::string_view(text).substr(start, i - start))) break;
                ++line;
                start = i + 1;
            }
        }
        err << "reflect-kiosk: redact: line " << line << " is not valid UTF-8 (save the text as UTF-8 and try again)\n";
        return 1;
    }
    const core::Scrubber scrubber;
    if (!lines) {
        out << scrubber.scrub(text).text;
    } else {
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find('\n', start);
            const bool newline = end != std::string::npos;
            if (!newline) end = text.size();
            std::string_view line = std::string_view(text).substr(start, end - start);
            const bool crlf = newline && !line.empty() && line.back() == '\r';
            if (crlf) line.remove_suffix(1);
            out << scrubber.scrub(line).text;
            if (newline) out << (crlf ? "\r\n" : "\n");
            start = end + 1;
        }
    }
    out.flush();
    if (!out) {
        err << "reflect-kiosk: redact: the output could not be written\n";
        return 1;
    }
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
