// The phone page end to end over loopback HTTP: preview, send, evaluation, pairing and the remote.
#include <catch2/catch.hpp>

#include <string>

#include "server_fixture.hpp"

using namespace reflect;
using namespace reflect::companion;
using namespace reflect::companion::test;

namespace {

/// Every control a person can use has a label: a <label for=id> or a label wrapping it; buttons have text.
void checkAccessibleMarkup(const std::string& html) {
    CHECK(html.find("<html lang=\"en-GB\">") != std::string::npos);
    CHECK(html.find("name=\"viewport\"") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("style=") == std::string::npos);  // the CSP forbids inline styles: none may be needed
    CHECK(html.find("<h1>") != std::string::npos);
    std::size_t at = 0;
    while ((at = html.find("<textarea id=\"", at)) != std::string::npos) {
        const std::size_t start = at + 14;
        const std::string id = html.substr(start, html.find('"', start) - start);
        CHECK(html.find("<label for=\"" + id + "\">") != std::string::npos);
        at = start;
    }
    at = 0;
    while ((at = html.find("<input type=\"radio\"", at)) != std::string::npos) {
        CHECK(html.rfind("<label>", at) == at - 7);
        at += 10;
    }
}

std::string previewBody(const std::string& token, const std::string& text) {
    return "form=" + formEscape(token) + "&text=" + formEscape(text);
}

}  // namespace

TEST_CASE("a contribution is previewed with identifiers replaced, then saved once", "[companion]") {
    ServerFixture f;
    const HttpResponse form = httpGet(f.http(), f.join("/write"));
    REQUIRE(form.status == 200);
    checkAccessibleMarkup(form.body);
    const std::string text = "Dr Sarah Jones rang me on 07700 900123 after the shift.";
    const HttpResponse preview =
        httpPost(f.http(), f.join("/preview"), previewBody(hiddenField(form.body, "form"), text));
    REQUIRE(preview.status == 200);
    checkAccessibleMarkup(preview.body);
    CHECK(preview.body.find("[NAME]") != std::string::npos);
    CHECK(preview.body.find("[PHONE]") != std::string::npos);
    CHECK(preview.body.find("<span class=\"gone\">07700 900123</span>") != std::string::npos);
    CHECK(f.port.storedCount() == 0);  // a preview stores nothing

    const std::string send = "form=" + formEscape(hiddenField(preview.body, "form")) +
                             "&checked=" + formEscape(hiddenField(preview.body, "checked")) +
                             "&text=" + formEscape(text);
    const HttpResponse saved = httpPost(f.http(), f.join("/send"), send);
    CHECK(saved.status == 303);
    CHECK(saved.header("location") == "/done/contribution");
    REQUIRE(f.port.contributions().size() == 1);
    CHECK(f.port.contributions()[0].second == text);  // the kiosk scrubs again before storing

    const HttpResponse again = httpPost(f.http(), f.join("/send"), send);
    CHECK(again.status == 403);  // the same form cannot be sent twice
    CHECK(f.port.contributions().size() == 1);

    const HttpResponse thanks = httpGet(f.http(), "/done/contribution");
    CHECK(thanks.status == 200);
    CHECK(thanks.body.find(f.strings.get("contribute.thanks")) != std::string::npos);
    CHECK(thanks.body.find("href=\"/support\"") != std::string::npos);
}

TEST_CASE("every page carries the security headers and no script", "[companion]") {
    ServerFixture f;
    for (const std::string& path :
         {std::string("/"), f.join(), f.join("/write"), f.join("/evaluation"), std::string("/support"),
          std::string("/done/contribution"), std::string("/pair/pair-token-1"), std::string("/nowhere")}) {
        INFO(path);
        const HttpResponse page = httpGet(f.http(), path);
        CHECK(page.status != 0);
        const std::string csp = page.header("content-security-policy");
        CHECK(csp.find("default-src 'none'") != std::string::npos);
        CHECK(csp.find("style-src 'self'") != std::string::npos);
        CHECK(csp.find("form-action 'self'") != std::string::npos);
        CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
        CHECK(page.header("x-frame-options") == "DENY");
        CHECK(page.header("cache-control") == "no-store");
        CHECK(page.header("referrer-policy") == "no-referrer");
        checkAccessibleMarkup(page.body);
    }
    const HttpResponse css = httpGet(f.http(), "/style.css");
    CHECK(css.status == 200);
    CHECK(css.header("content-type").starts_with("text/css"));
    CHECK(css.body.find(":focus-visible") != std::string::npos);
}

TEST_CASE("a text edited after the preview is previewed again, not sent", "[companion]") {
    ServerFixture f;
    const HttpResponse preview = httpPost(f.http(), f.join("/preview"), previewBody(f.writeToken(), "A long shift."));
    REQUIRE(preview.status == 200);
    const std::string send = "form=" + formEscape(hiddenField(preview.body, "form")) +
                             "&checked=" + formEscape(hiddenField(preview.body, "checked")) +
                             "&text=" + formEscape("A long shift with Nurse Priya Patel.");
    const HttpResponse again = httpPost(f.http(), f.join("/send"), send);
    CHECK(again.status == 200);
    CHECK(again.body.find(f.strings.get("companion.changed")) != std::string::npos);
    CHECK(again.body.find("[NAME]") != std::string::npos);
    CHECK(f.port.storedCount() == 0);
}

TEST_CASE("2 000 characters are accepted and 2 001 are refused with the draft kept", "[companion]") {
    ServerFixture f;
    const HttpResponse ok = httpPost(f.http(), f.join("/preview"), previewBody(f.writeToken(), std::string(2000, 'a')));
    CHECK(ok.status == 200);
    const std::string longer = std::string(1998, 'a') + "\xC3\xA9\xC3\xA9\xC3\xA9";  // 2 001 characters
    const HttpResponse tooLong = httpPost(f.http(), f.join("/preview"), previewBody(f.writeToken(), longer));
    CHECK(tooLong.status == 422);
    CHECK(tooLong.body.find("1 characters over the limit") != std::string::npos);
    CHECK(tooLong.body.find("\xC3\xA9\xC3\xA9\xC3\xA9</textarea>") != std::string::npos);
    const HttpResponse empty = httpPost(f.http(), f.join("/preview"), previewBody(f.writeToken(), "  \n "));
    CHECK(empty.status == 422);
    CHECK(f.port.storedCount() == 0);
}

TEST_CASE("a link from a closed or ended session gets a clear page and stores nothing", "[companion]") {
    ServerFixture f;
    const std::string oldJoin = f.join();
    const std::string token = f.writeToken();
    f.port.update([](PhoneState& s) {
        s.contributionsOpen = false;
        s.evaluationOpen = false;
        s.joinToken.clear();
    });
    const HttpResponse page = httpGet(f.http(), oldJoin + "/write");
    CHECK(page.status == 410);
    CHECK(page.body.find(f.strings.get("companion.closed_heading")) != std::string::npos);
    const HttpResponse post = httpPost(f.http(), oldJoin + "/send", previewBody(token, "late words"));
    CHECK(post.status == 410);
    f.port.update([](PhoneState& s) {
        s.contributionsOpen = true;
        s.joinToken = "join-token-2";
    });
    CHECK(httpPost(f.http(), oldJoin + "/preview", previewBody(token, "late words")).status == 410);
    // A token issued for the old link is no good on the new one either.
    CHECK(httpPost(f.http(), f.join("/preview"), previewBody(token, "late words")).status == 403);
    CHECK(f.port.storedCount() == 0);
}

TEST_CASE("the kiosk's refusal reaches the phone as a reason, never as the text", "[companion]") {
    ServerFixture f;
    f.port.setReply(Reply{false, "Contributions are closed just now."});
    const std::string text = "Something private";
    const HttpResponse preview = httpPost(f.http(), f.join("/preview"), previewBody(f.writeToken(), text));
    const std::string send = "form=" + formEscape(hiddenField(preview.body, "form")) +
                             "&checked=" + formEscape(hiddenField(preview.body, "checked")) +
                             "&text=" + formEscape(text);
    const HttpResponse refused = httpPost(f.http(), f.join("/send"), send);
    CHECK(refused.status == 409);
    CHECK(refused.body.find("Contributions are closed just now.") != std::string::npos);
    CHECK(refused.body.find(text) == std::string::npos);
}

TEST_CASE("the evaluation is sent with its ratings and nothing that was not asked", "[companion]") {
    ServerFixture f;
    const HttpResponse form = httpGet(f.http(), f.join("/evaluation"));
    REQUIRE(form.status == 200);
    checkAccessibleMarkup(form.body);
    CHECK(form.body.find("I felt safe to speak") != std::string::npos);
    const std::string body = "form=" + formEscape(hiddenField(form.body, "form")) +
                             "&overall=4&s0=5&s1=&group=student&comment=Good+room&again=yes";
    const HttpResponse saved = httpPost(f.http(), f.join("/evaluation"), body);
    CHECK(saved.status == 303);
    CHECK(saved.header("location") == "/done/evaluation");
    const auto stored = f.port.evaluations();
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].overall == 4);
    REQUIRE(stored[0].statements.size() == 2);
    CHECK(stored[0].statements[0] == 5);
    CHECK_FALSE(stored[0].statements[1].has_value());
    CHECK(stored[0].staffGroup == core::StaffGroup::Student);
    CHECK(stored[0].comment == "Good room");
    CHECK(stored[0].comeAgain == true);
    const HttpResponse bad = httpPost(
        f.http(), f.join("/evaluation"),
        "form=" + formEscape(hiddenField(httpGet(f.http(), f.join("/evaluation")).body, "form")) + "&overall=9");
    CHECK(bad.status == 400);
    CHECK(f.port.evaluations().size() == 1);
}

TEST_CASE("a facilitator pairs once and the remote ends with the session", "[companion]") {
    ServerFixture f;
    CHECK(httpGet(f.http(), "/remote").status == 403);
    const HttpResponse offer = httpGet(f.http(), "/pair/pair-token-1");
    REQUIRE(offer.status == 200);
    const HttpResponse paired =
        httpPost(f.http(), "/pair/pair-token-1", "form=" + formEscape(hiddenField(offer.body, "form")));
    REQUIRE(paired.status == 303);
    const std::string setCookie = paired.header("set-cookie");
    CHECK(setCookie.find("HttpOnly") != std::string::npos);
    CHECK(setCookie.find("SameSite=Strict") != std::string::npos);
    const std::string cookie = setCookie.substr(0, setCookie.find(';'));
    CHECK(httpGet(f.http(), "/pair/pair-token-1").status == 410);  // one time

    f.port.update([](PhoneState& s) { s.remote.safeguardingAlert = true; });
    const HttpResponse remote = httpGet(f.http(), "/remote", cookie);
    REQUIRE(remote.status == 200);
    checkAccessibleMarkup(remote.body);
    CHECK(remote.body.find("Open discussion") != std::string::npos);
    CHECK(remote.body.find("2:05 left") != std::string::npos);
    CHECK(remote.body.find("Contributions received: 4") != std::string::npos);
    CHECK(remote.body.find("class=\"alert\"") != std::string::npos);
    const HttpResponse next =
        httpPost(f.http(), "/remote", "form=" + formEscape(hiddenField(remote.body, "form")) + "&action=next", cookie);
    CHECK(next.status == 303);
    REQUIRE(f.port.actions().size() == 1);
    CHECK(f.port.actions()[0] == RemoteAction::Next);
    // Another phone's cookie, or this one's form token under another cookie, does nothing.
    CHECK(httpGet(f.http(), "/remote", "reflect_remote=guessed").status == 403);

    f.port.update([](PhoneState& s) { s.sessionKey = "session-2"; });
    CHECK(httpGet(f.http(), "/remote", cookie).status == 403);
    CHECK(f.port.actions().size() == 1);
}

namespace {

/// Sends a contribution through preview and send on `connection`, without reading the final answer.
void startSending(const ServerFixture& f, RawConnection& connection, const std::string& text) {
    const HttpResponse preview =
        httpPost(f.http(), f.join("/preview"), "form=" + formEscape(f.writeToken()) + "&text=" + formEscape(text));
    const std::string body = "form=" + formEscape(hiddenField(preview.body, "form")) +
                             "&checked=" + formEscape(hiddenField(preview.body, "checked")) +
                             "&text=" + formEscape(text);
    REQUIRE(connection.send("POST " + f.join("/send") +
                            " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            "Content-Length: " +
                            std::to_string(body.size()) + "\r\n\r\n" + body));
}

}  // namespace

TEST_CASE("a kiosk slow to commit holds no event loop, and Saved shows only after the commit", "[companion]") {
    ServerLimits limits;
    limits.threads = 1;  // one event loop: a blocking wait would stall every other phone
    ServerFixture f(limits);
    f.port.hold();
    RawConnection sending(f.http());
    startSending(f, sending, "Waiting for the kiosk");
    CHECK(sending.read(200).status == 0);  // no answer yet: nothing was committed
    CHECK(f.stillServing());               // other phones are served meanwhile
    CHECK(httpGet(f.http(), f.join("/write")).status == 200);
    f.port.release(Reply{true, {}});
    const HttpResponse saved = sending.read(5000);
    CHECK(saved.status == 303);
    CHECK(saved.header("location") == "/done/contribution");
}

TEST_CASE("a kiosk that never answers gets an honest not-saved page", "[companion]") {
    ServerLimits limits;
    limits.replyWait = std::chrono::milliseconds(300);
    ServerFixture f(limits);
    f.port.hold();
    RawConnection sending(f.http());
    startSending(f, sending, "Into the void");
    const HttpResponse answer = sending.read(5000);
    CHECK(answer.status == 503);
    CHECK(answer.body.find("may not be saved") != std::string::npos);
    f.port.release(Reply{true, {}});
}

TEST_CASE("the server stops cleanly while a phone waits for the kiosk", "[companion]") {
    ServerFixture f;
    f.port.hold();
    RawConnection sending(f.http());
    startSending(f, sending, "Sent as the kiosk shuts down");
    CHECK(sending.read(200).status == 0);
    f.server.reset();  // libmicrohttpd aborts if stopped with a connection still parked
    const HttpResponse answer = sending.read(5000);
    CHECK((answer.status == 503 || answer.status == 0));
    f.port.release(Reply{true, {}});
}
