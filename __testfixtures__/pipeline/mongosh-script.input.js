/**
 * Unsets the legacy flag on every form. A session is used to dry run the update before
 * committing it: run with mongosh, then commit or abort by hand.
 */

// Start a session.
session = db.getMongo().startSession( { readPreference: { mode: "primary" } } );

// Start a transaction
session.startTransaction( { readConcern: { level: "local" }, writeConcern: { w: "majority" } } );

formsCollection = session.getDatabase("formsg").forms;

console.log('=== before ===')
const totalDocs = formsCollection.countDocuments()
console.log('total # of documents:', totalDocs);

formsCollection.updateMany(
  { legacyFlag: { $exists: true } },
  { $unset: { legacyFlag: true } }
);

console.log('=== after ===')
console.log('# of documents with the flag:', formsCollection.countDocuments({ legacyFlag: { $exists: true } }));

// session.commitTransaction()
// session.abortTransaction()
// session.endSession()
