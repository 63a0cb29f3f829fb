// writeTransaction and storageFailureMessage: one durable write, and the words a person reads when it fails.
#pragma once

#include <string>
#include <type_traits>
#include <utility>

#include "core/result.hpp"
#include "core/storage/database.hpp"

namespace reflect::core {

/// The message a person sees when a write fails: what happened and what to do, never SQL.
[[nodiscard]] std::string storageFailureMessage(const SqliteError& error);

/// Runs `body` inside one BEGIN IMMEDIATE ... COMMIT. A SqliteError from the body or the commit rolls back and
/// comes back as a Result carrying storageFailureMessage(); nothing is half-written. `body` may return a value
/// (it becomes the Result's value) or nothing.
template <class Body>
auto writeTransaction(Database& db, Body&& body) -> Result<std::invoke_result_t<Body&>> {
    using Value = std::invoke_result_t<Body&>;
    try {
        Transaction tx(db);
        if constexpr (std::is_void_v<Value>) {
            body();
            tx.commit();
            return ok();
        } else {
            Value value = body();
            tx.commit();
            return Result<Value>(std::move(value));
        }
    } catch (const SqliteError& e) {
        return fail(storageFailureMessage(e));
    }
}

}  // namespace reflect::core
