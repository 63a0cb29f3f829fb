// ChildProcess and XvfbServer: RAII owners of the processes the end-to-end tests start. Waiting is done on
// pipes with poll(), never with sleeps; every wait has a limit so a hung child fails the test instead.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace reflect::test {

/// A child with its stdout on a pipe. Killed (SIGKILL) and reaped in the destructor if still running.
class ChildProcess {
public:
    /// With `mergeStderr`, the child's standard error goes down the same pipe, so transcript() holds both.
    ChildProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                 bool mergeStderr = false) {
        int out[2];
        if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        if (mergeStderr) posix_spawn_file_actions_adddup2(&actions, out[1], STDERR_FILENO);
        std::vector<std::string> envStrings;
        for (char** e = environ; *e; ++e) {
            const std::string entry(*e);
            const auto eq = entry.find('=');
            if (eq != std::string::npos && env.count(entry.substr(0, eq))) continue;
            envStrings.push_back(entry);
        }
        for (const auto& [k, v] : env) envStrings.push_back(k + "=" + v);
        std::vector<char*> envp;
        for (auto& s : envStrings) envp.push_back(s.data());
        envp.push_back(nullptr);
        std::vector<std::string> args = argv;
        std::vector<char*> cargs;
        for (auto& a : args) cargs.push_back(a.data());
        cargs.push_back(nullptr);
        const int rc = posix_spawnp(&m_pid, cargs[0], &actions, nullptr, cargs.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        close(out[1]);
        m_out = out[0];
        if (rc != 0) {
            close(m_out);
            throw std::runtime_error("cannot start " + argv[0]);
        }
    }
    ~ChildProcess() {
        if (m_pid > 0 && !m_exit) {
            kill(m_pid, SIGKILL);
            int status = 0;
            waitpid(m_pid, &status, 0);
        }
        if (m_out >= 0) close(m_out);
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /// The next line of stdout, or nullopt if none arrives within `timeoutMs` (or the child closed it).
    /// Every whole line read so far (and with mergeStderr, what the child wrote to standard error).
    [[nodiscard]] const std::string& transcript() const noexcept { return m_transcript; }
    std::optional<std::string> readLine(int timeoutMs) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        for (;;) {
            const auto nl = m_buffer.find('\n');
            if (nl != std::string::npos) {
                std::string line = m_buffer.substr(0, nl);
                m_buffer.erase(0, nl + 1);
                m_transcript += line + '\n';
                return line;
            }
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now())
                    .count();
            if (left <= 0) return std::nullopt;
            pollfd p{m_out, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left)) <= 0) return std::nullopt;
            char chunk[4096];
            const ssize_t n = read(m_out, chunk, sizeof chunk);
            if (n <= 0) return std::nullopt;
            m_buffer.append(chunk, static_cast<std::size_t>(n));
        }
    }
    /// Reads lines until one starts with `prefix`.
    std::optional<std::string> waitForLine(const std::string& prefix, int timeoutMs) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        for (;;) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now())
                    .count();
            if (left <= 0) return std::nullopt;
            auto line = readLine(static_cast<int>(left));
            if (!line) return std::nullopt;
            if (line->rfind(prefix, 0) == 0) return line;
        }
    }
    /// Waits for the child to exit on its own, up to `timeoutMs`; returns its exit code, or -1 on timeout.
    int wait(int timeoutMs) {
        // The child's stdout closes when it exits, which poll() can wait for without a sleep.
        while (readLine(timeoutMs)) {
        }
        int status = 0;
        const pid_t r = waitpid(m_pid, &status, WNOHANG);
        if (r == 0) {
            // stdout closed but not yet reaped: a blocking wait is safe now.
            waitpid(m_pid, &status, 0);
        }
        m_exit = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    }
    void killHard() {
        kill(m_pid, SIGKILL);
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_exit = true;
    }
    [[nodiscard]] pid_t pid() const noexcept { return m_pid; }

private:
    pid_t m_pid = -1;
    int m_out = -1;
    std::string m_buffer;
    std::string m_transcript;
    bool m_exit = false;
};

/// Runs a command to completion and returns its exit code (its stdout is discarded).
inline int runCommand(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                      int timeoutMs = 60'000) {
    ChildProcess child(argv, env);
    return child.wait(timeoutMs);
}

/// An Xvfb server on a free display, found with -displayfd so parallel tests never collide.
class XvfbServer {
public:
    explicit XvfbServer(const std::string& screen = "1920x1080x24")
        : m_child({"Xvfb", "-displayfd", "1", "-screen", "0", screen, "-nolisten", "tcp", "-noreset"}) {
        auto line = m_child.readLine(20'000);
        if (!line || line->empty()) throw std::runtime_error("Xvfb did not start (is the xvfb package installed?)");
        m_display = ":" + *line;
    }
    [[nodiscard]] const std::string& display() const noexcept { return m_display; }

private:
    ChildProcess m_child;
    std::string m_display;
};

}  // namespace reflect::test
