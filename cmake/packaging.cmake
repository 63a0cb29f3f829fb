# Packaging: `cpack -G DEB` builds reflect-kiosk_<version>_<arch>.deb for Debian 12 / Raspberry Pi OS bookworm.
# Included at the end of the root CMakeLists.txt, after the binary and the assets have their install rules.
include(GNUInstallDirs)

set(REFLECT_SETUP_SOURCE "${CMAKE_CURRENT_LIST_DIR}/../kiosk-setup")
set(REFLECT_SETUP_DEST "${CMAKE_INSTALL_DATADIR}/reflect-kiosk/kiosk-setup")

# The package only carries the kiosk-setup files; install.sh copies them into /etc. Installing the .deb alone
# therefore never takes over tty1 on someone's desktop.
install(PROGRAMS "${REFLECT_SETUP_SOURCE}/install.sh" DESTINATION "${REFLECT_SETUP_DEST}")
install(FILES "${REFLECT_SETUP_SOURCE}/reflect-kiosk.service"
              "${REFLECT_SETUP_SOURCE}/logind-reflect-kiosk.conf"
              "${REFLECT_SETUP_SOURCE}/sysctl-reflect-kiosk.conf"
              "${REFLECT_SETUP_SOURCE}/README.md"
        DESTINATION "${REFLECT_SETUP_DEST}")
# The phone page's own Wi-Fi (kiosk-setup/companion): the access point script and the units it installs. The
# rotate unit runs the script from this very path, so it must stay here.
install(PROGRAMS "${REFLECT_SETUP_SOURCE}/companion/companion-ap.sh" DESTINATION "${REFLECT_SETUP_DEST}/companion")
install(FILES "${REFLECT_SETUP_SOURCE}/companion/companion-network.conf"
              "${REFLECT_SETUP_SOURCE}/companion/reflect-kiosk-ap-firewall.service"
              "${REFLECT_SETUP_SOURCE}/companion/reflect-kiosk-ap-rotate.service"
              "${REFLECT_SETUP_SOURCE}/companion/reflect-kiosk-ap-rotate.timer"
        DESTINATION "${REFLECT_SETUP_DEST}/companion")
# Not under /etc: a dpkg conffile would prompt on every upgrade of a kiosk nobody is watching.
install(FILES "${REFLECT_SETUP_SOURCE}/config.example.toml" DESTINATION "${CMAKE_INSTALL_DATADIR}/reflect-kiosk")

# Debian policy wants a machine-readable copyright file, a changelog and compressed man pages; lintian
# refuses the package without them. gzip -9n leaves the name and time out, so the files are reproducible.
set(REFLECT_PACKAGING_DIR "${CMAKE_BINARY_DIR}/packaging")
set(REFLECT_MAN_SOURCE "${REFLECT_SETUP_SOURCE}/reflect-kiosk.1")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${REFLECT_MAN_SOURCE}"
                                                               "${CMAKE_CURRENT_LIST_DIR}/debian-copyright.in")
file(MAKE_DIRECTORY "${REFLECT_PACKAGING_DIR}")
find_program(REFLECT_GZIP gzip REQUIRED)
function(reflect_gzip_to source target)
    execute_process(COMMAND "${REFLECT_GZIP}" -9n -c "${source}" OUTPUT_FILE "${target}" RESULT_VARIABLE failed)
    if(failed)
        message(FATAL_ERROR "gzip -9n ${source} failed")
    endif()
endfunction()
reflect_gzip_to("${REFLECT_MAN_SOURCE}" "${REFLECT_PACKAGING_DIR}/reflect-kiosk.1.gz")
install(FILES "${REFLECT_PACKAGING_DIR}/reflect-kiosk.1.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")

configure_file("${CMAKE_CURRENT_LIST_DIR}/debian-copyright.in" "${REFLECT_PACKAGING_DIR}/copyright" @ONLY)
# One entry per packaged version; the date is fixed in the text so a rebuild gives the same bytes.
file(WRITE "${REFLECT_PACKAGING_DIR}/changelog.Debian"
     "reflect-kiosk (${PROJECT_VERSION}-1) bookworm; urgency=medium\n\n"
     "  * Package built from the Reflect Kiosk source with CPack.\n\n"
     " -- Reflect Kiosk maintainers <maintainers@reflect-kiosk.invalid>  Wed, 02 Dec 2026 00:00:00 +0000\n")
reflect_gzip_to("${REFLECT_PACKAGING_DIR}/changelog.Debian" "${REFLECT_PACKAGING_DIR}/changelog.Debian.gz")
install(FILES "${REFLECT_PACKAGING_DIR}/copyright" "${REFLECT_PACKAGING_DIR}/changelog.Debian.gz"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/reflect-kiosk")

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "reflect-kiosk")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "Reflect Kiosk project")
set(CPACK_PACKAGE_CONTACT "Reflect Kiosk maintainers <maintainers@reflect-kiosk.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline full-screen kiosk for reflective-practice sessions")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# CPack puts the summary above this and indents every line itself; a blank line becomes " .".
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Reflect Kiosk supports reflective rounds, Team Time, Action Learning Sets,
peer support groups and group reflective supervision, guiding the room
through timed stages on one shared screen. Staff contribute themes
anonymously, facilitators record agreed actions, and leads review recurring
themes over time. Everything stays on the machine; no network is used.

To turn a Debian 12 or Raspberry Pi OS bookworm box into a kiosk, run
/usr/share/reflect-kiosk/kiosk-setup/install.sh as root after installing.")

# Named here: what dpkg-shlibdeps cannot see (GLFW loads libGL.so.1 with dlopen; the fonts are files: Noto Sans
# for text, DejaVu Sans for the arrows and ticks Noto lacks, see src/ui/theme.cpp) and what
# an admin looks for by name. shlibdeps then appends every linked library with its minimum version. GLFW may
# be the X11 or the Wayland build, which conflict, so either satisfies the dependency.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libglfw3 | libglfw3-wayland, libsqlite3-0, libsodium23, libfmt9, libgl1, fonts-noto-core, fonts-dejavu-core")
find_program(REFLECT_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(REFLECT_DPKG_SHLIBDEPS)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
    message(WARNING "dpkg-shlibdeps not found (apt-get install dpkg-dev): the .deb will not list library versions")
endif()
# install.sh brings these in; a desktop user can run the kiosk in a window without them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, xwayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
