// storageFailureMessage: SQLite result codes turned into a sentence a person can act on.
#include "core/storage/write_transaction.hpp"

#include <sqlite3.h>

namespace reflect::core {

std::string storageFailureMessage(const SqliteError& error) {
    if (error.code() == SQLITE_FULL)
        return "The kiosk's storage is full, so this was not saved. Nothing else has changed. Please tell the "
               "kiosk admin, then try again.";
    if (error.code() == SQLITE_BUSY || error.code() == SQLITE_LOCKED)
        return "The kiosk was busy and could not save this. Nothing has changed. Please try again.";
    return "This could not be saved because the kiosk's storage reported a problem. Nothing has changed. Please try "
           "again; if it happens again, tell the kiosk admin.";
}

}  // namespace reflect::core
