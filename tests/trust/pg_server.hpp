// PgServer: a throwaway PostgreSQL 15 for one test or benchmark: its own folder, a unix socket only, stopped
// (and its folder removed) when the owner goes, also when a test fails. Run as root, it runs as user postgres.
#pragma once

#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/child_process.hpp"

namespace reflect::test {

class PgServer {
public:
    /// `extraOptions` are more server settings (-c name=value ...), such as a benchmark's slow-query log.
    explicit PgServer(const std::string& extraOptions = {}) {
        if (!std::filesystem::exists(bin("initdb")))
            throw std::runtime_error(bin("initdb") +
                                     " is missing: PostgreSQL 15 is not installed (run scripts/setup, "
                                     "which installs postgresql-15)");
        std::string pattern = "/tmp/reflect-pg-XXXXXX";
        if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder for PostgreSQL");
        m_dir = pattern;
        if (geteuid() == 0) {
            // initdb refuses to run as root; the server gets a folder its own user owns.
            const passwd* user = getpwnam("postgres");
            if (!user)
                throw std::runtime_error("running as root needs a postgres user (apt-get install postgresql-15)");
            if (chown(m_dir.c_str(), user->pw_uid, user->pw_gid) != 0)
                throw std::runtime_error("cannot give the temporary folder to user postgres");
            m_prefix = {std::filesystem::exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "runuser", "-u",
                        "postgres", "--"};
        }
        if (run({bin("initdb"), "-D", data(), "-U", "trust", "--auth=trust", "-E", "UTF8", "--no-sync",
                 "--no-instructions"}) != 0)
            throw std::runtime_error("initdb failed in " + m_dir.string());
        const std::string options = "-c listen_addresses='' -c unix_socket_directories='" + m_dir.string() +
                                    "' -c fsync=off -c synchronous_commit=off -c full_page_writes=off " + extraOptions;
        if (run({bin("pg_ctl"), "-D", data(), "-l", (m_dir / "server.log").string(), "-w", "-t", "60", "-o", options,
                 "start"}) != 0)
            throw std::runtime_error("PostgreSQL did not start; see " + (m_dir / "server.log").string());
        m_started = true;
    }
    ~PgServer() {
        if (m_started) (void)run({bin("pg_ctl"), "-D", data(), "-m", "immediate", "-w", "stop"});
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    PgServer(const PgServer&) = delete;
    PgServer& operator=(const PgServer&) = delete;

    /// The server's log file (the folder goes with the server).
    [[nodiscard]] std::filesystem::path logFile() const { return m_dir / "server.log"; }
    /// A libpq connection string for the server's maintenance database.
    [[nodiscard]] std::string url() const { return "host=" + m_dir.string() + " dbname=postgres user=trust"; }

private:
    static std::string bin(const std::string& name) { return "/usr/lib/postgresql/15/bin/" + name; }
    [[nodiscard]] std::string data() const { return (m_dir / "data").string(); }
    int run(std::vector<std::string> argv) const {
        argv.insert(argv.begin(), m_prefix.begin(), m_prefix.end());
        return runCommand(argv, {}, 120'000);
    }

    std::filesystem::path m_dir;
    std::vector<std::string> m_prefix;
    bool m_started = false;
};

}  // namespace reflect::test
