'use strict';
// A library's own migrator: a synchronous SQLite transaction, no ORM imported by name.
function migrate(db, migrations) {
  db.transaction((tx) => {
    for (const migration of migrations) tx.run(migration.sql);
  });
}
async function migrateAsync(db, migrations) {
  db.transaction((tx) => {
    for (const migration of migrations) tx.run(migration.sql);
  });
}
module.exports = { migrate, migrateAsync };
