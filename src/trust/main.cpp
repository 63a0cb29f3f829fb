// reflect-trust: the trust-wide review over PostgreSQL. Imports signed kiosk bundles, reports and exports.
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "trust/trust_report.hpp"
#include "trust/trust_store.hpp"

namespace {

using namespace reflect;

int failWith(const std::string& message) {
    std::cerr << "reflect-trust: " << message << '\n';
    return 1;
}

core::Result<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::fail(path + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return core::fail(path + ": cannot be read");
    return text.str();
}

int importAll(trust::PgConnection& conn, const std::vector<std::string>& files) {
    int status = 0;
    for (const auto& file : files) {
        auto text = readFile(file);
        if (!text) {
            status = failWith(text.error().message);
            continue;
        }
        auto imported = trust::importBundle(conn, *text);
        if (!imported) {
            status = failWith(file + ": refused: " + imported.error().message);
            continue;
        }
        if (imported->alreadyImported)
            std::cout << file << ": already imported (site " << imported->site << ", revision " << imported->revision
                      << "); nothing changed\n";
        else
            std::cout << file << ": imported site " << imported->site << " revision " << imported->revision << ", "
                      << imported->units << " unit(s)\n";
    }
    return status;
}

int writeOutput(trust::PgConnection& conn, const trust::TrustQuery& query, const std::string& htmlFile,
                const std::string& format) {
    auto figures = trust::loadTrustFigures(conn, query);
    if (!figures) return failWith(figures.error().message);
    if (format.empty()) {
        std::ofstream out(htmlFile, std::ios::binary | std::ios::trunc);
        out << trust::trustReportHtml(*figures, query);
        out.close();
        if (!out) return failWith("cannot write " + htmlFile);
        std::cout << htmlFile << '\n';
        return 0;
    }
    trust::writeTrustExport(*figures, format, std::cout);
    std::cout.flush();
    return std::cout ? 0 : failWith("the export could not be written");
}

}  // namespace

int run(int argc, char** argv) {
    CLI::App app{"reflect-trust: the trust-wide review of many kiosks' published aggregates.", "reflect-trust"};
    std::string db, name, key, html, format = "csv", site, period = "year";
    std::vector<std::string> bundles;
    int threshold = 7;
    auto* init = app.add_subcommand("init", "Create or upgrade the trust database's schema");
    auto* reg = app.add_subcommand("register-kiosk", "Register a kiosk's public key under a site name");
    reg->add_option("--name", name, "The site's name, as reports show it")->required();
    reg->add_option("--key", key, "The key that reflect-kiosk publish --show-key prints")->required();
    auto* imp = app.add_subcommand("import", "Verify and import bundles, each in one transaction");
    imp->add_option("BUNDLE", bundles, "Bundle files")->required();
    auto* rep = app.add_subcommand("report", "Write the printable HTML report");
    rep->add_option("--html", html, "The HTML file to write")->required();
    auto* exp = app.add_subcommand("export", "Write the sessions table as CSV or JSON on standard output");
    exp->add_option("--format", format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
    for (auto* cmd : {init, reg, imp, rep, exp})
        cmd->add_option("--db", db, "PostgreSQL connection URL or key=value string")->required();
    for (auto* cmd : {rep, exp}) {
        cmd->add_option("--site", site, "One site by name (default: every site and the whole trust)");
        cmd->add_option("--period", period, "month, quarter or year")
            ->check(CLI::IsMember({"month", "quarter", "year"}));
        cmd->add_option("--threshold", threshold, "Hide counts from 1 to this (7 or more)")->check(CLI::Range(7, 100));
    }
    app.require_subcommand(1, 1);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    auto conn = trust::PgConnection::connect(db);
    if (!conn) return failWith(conn.error().message);
    if (init->parsed()) {
        auto version = trust::migrateTrust(*conn);
        if (!version) return failWith(version.error().message);
        std::cout << "The trust database is at schema " << *version << ".\n";
        return 0;
    }
    if (reg->parsed()) {
        if (auto done = trust::registerKiosk(*conn, name, key); !done) return failWith(done.error().message);
        std::cout << "Registered site " << name << ".\n";
        return 0;
    }
    if (imp->parsed()) return importAll(*conn, bundles);
    trust::TrustQuery query;
    if (!site.empty()) query.site = site;
    query.period = core::parsePeriodKind(period).value_or(core::PeriodKind::Year);
    query.threshold = threshold;
    return writeOutput(*conn, query, html, rep->parsed() ? std::string() : format);
}

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        // A failure nobody planned for still keeps the one-line contract.
        return failWith(std::string("unexpected failure: ") + e.what());
    }
}
