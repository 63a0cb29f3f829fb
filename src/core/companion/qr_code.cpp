// Encodes text with libqrencode and copies the symbol out, so no caller ever holds a QRcode pointer.
#include "core/companion/qr_code.hpp"

#include <memory>
#include <string>

#include <qrencode.h>

namespace reflect::core {

namespace {

struct QrDeleter {
    void operator()(QRcode* code) const noexcept { QRcode_free(code); }
};

// A QR symbol holds at most 2 953 bytes at level L; a join URL is under 100.
constexpr std::size_t kMaxQrText = 1024;

}  // namespace

Result<QrMatrix> encodeQr(std::string_view text) {
    if (text.empty()) return fail("There is no link to show as a QR code.");
    if (text.size() > kMaxQrText) return fail("The link is too long to show as a QR code.");
    const std::string copy(text);  // libqrencode wants a NUL-terminated string
    const std::unique_ptr<QRcode, QrDeleter> code(QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M));
    if (!code) return fail("The QR code could not be made (out of memory?).");
    QrMatrix matrix;
    matrix.size = code->width;
    const auto count = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.modules.resize(count);
    for (std::size_t i = 0; i < count; ++i) matrix.modules[i] = (code->data[i] & 1U) != 0;
    return matrix;
}

}  // namespace reflect::core
