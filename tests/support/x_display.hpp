// XConnection: one Xlib connection to a test's virtual display, for what xdotool cannot do: a window manager's
// close request, another program grabbing the focus, and reading a window's pixels back.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

// Last: Xlib defines macros (None, Always, Bool) that would break headers included after it.
#include <X11/Xlib.h>
#include <X11/Xutil.h>

namespace reflect::test {

/// A window's pixels as 8-bit RGB rows, top to bottom.
struct WindowImage {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgb;
};

class XConnection {
public:
    explicit XConnection(const std::string& display) : m_display(XOpenDisplay(display.c_str())) {
        if (!m_display) throw std::runtime_error("cannot open " + display);
    }
    ~XConnection() { XCloseDisplay(m_display); }
    XConnection(const XConnection&) = delete;
    XConnection& operator=(const XConnection&) = delete;
    [[nodiscard]] Display* get() const noexcept { return m_display; }

    /// What a window manager sends when someone clicks the close button or presses Alt+F4.
    void sendDeleteWindow(Window window) const {
        XEvent event{};
        event.xclient.type = ClientMessage;
        event.xclient.window = window;
        event.xclient.message_type = XInternAtom(m_display, "WM_PROTOCOLS", False);
        event.xclient.format = 32;
        event.xclient.data.l[0] = static_cast<long>(XInternAtom(m_display, "WM_DELETE_WINDOW", False));
        event.xclient.data.l[1] = CurrentTime;
        XSendEvent(m_display, window, False, NoEventMask, &event);
        XSync(m_display, False);
    }

    /// Maps a small window of our own and gives it the keyboard focus, as another program popping up would.
    Window stealFocus() const {
        const int screen = DefaultScreen(m_display);
        const Window w = XCreateSimpleWindow(m_display, RootWindow(m_display, screen), 10, 10, 200, 100, 0, 0, 0);
        XMapRaised(m_display, w);
        XSync(m_display, False);
        XSetInputFocus(m_display, w, RevertToParent, CurrentTime);
        XSync(m_display, False);
        return w;
    }

    [[nodiscard]] Window focused() const {
        Window w = 0;
        int revert = 0;
        XGetInputFocus(m_display, &w, &revert);
        return w;
    }

    /// What the window shows now, read from the X server (a 24-bit TrueColor visual, as Xvfb's).
    [[nodiscard]] WindowImage capture(Window window) const {
        XWindowAttributes attributes{};
        if (!XGetWindowAttributes(m_display, window, &attributes)) throw std::runtime_error("no such window");
        XImage* image = XGetImage(m_display, window, 0, 0, static_cast<unsigned>(attributes.width),
                                  static_cast<unsigned>(attributes.height), AllPlanes, ZPixmap);
        if (!image) throw std::runtime_error("cannot read the window's pixels");
        WindowImage out{attributes.width, attributes.height, {}};
        out.rgb.reserve(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 3);
        for (int y = 0; y < out.height; ++y)
            for (int x = 0; x < out.width; ++x) {
                const unsigned long pixel = XGetPixel(image, x, y);
                out.rgb.push_back(static_cast<unsigned char>((pixel & image->red_mask) >> 16));
                out.rgb.push_back(static_cast<unsigned char>((pixel & image->green_mask) >> 8));
                out.rgb.push_back(static_cast<unsigned char>(pixel & image->blue_mask));
            }
        XDestroyImage(image);
        return out;
    }

private:
    Display* m_display;
};

}  // namespace reflect::test
