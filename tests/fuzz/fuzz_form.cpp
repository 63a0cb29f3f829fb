// Fuzz target: the phone page's form decoding and form tokens. Decoding never crashes, every decoded value is valid
// UTF-8 within its limit, and no mutated token is ever accepted (only the token as issued, once).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "companion/form_decoder.hpp"
#include "companion/form_tokens.hpp"
#include "core/text/utf8.hpp"

namespace {

[[noreturn]] void violated(const char* what) {
    std::fputs(what, stderr);
    std::fputc('\n', stderr);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace reflect::companion;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    FormLimits limits;
    limits.maxValueBytes = 64;
    limits.maxFields = 8;
    const auto form = decodeForm(input, limits);
    if (form) {
        if (form->size() > limits.maxFields) violated("more fields than the limit");
        for (const char* name : {"form", "text", "checked", "a"})
            if (const std::string* value = form->find(name)) {
                if (!reflect::core::isValidUtf8(*value)) violated("a decoded value is not valid UTF-8");
                if (value->size() > limits.maxValueBytes) violated("a decoded value passed its limit");
            }
    } else if (form.error().message.empty()) {
        violated("a refusal without a reason");
    }

    // The input as a token, and as a scope: only the token the server issued, for its scope, passes, and once.
    FormTokens tokens(4);
    const std::string scope(input.substr(0, 40));
    const std::string issued = tokens.issue(scope);
    if (tokens.redeem(scope, input) && input != issued) violated("a token the server never issued was accepted");
    std::string mutated = issued;
    if (size > 0) mutated[data[0] % mutated.size()] ^= static_cast<char>(1 + data[size - 1] % 127);
    if (mutated != issued && tokens.redeem(scope, mutated)) violated("a mutated token was accepted");
    if (!tokens.redeem(scope, issued)) violated("the issued token was refused");
    if (tokens.redeem(scope, issued)) violated("a token was accepted twice");
    (void)isTokenShaped(input);
    (void)countCodePoints(input);
    return 0;
}
