// Typed mongosh snippet: `db` and `Mongo` are the shell's globals.
declare const db: any;
declare const Mongo: any;

const connection = new Mongo('mongodb://127.0.0.1:27017/?replicaSet=rs0');
const session = connection.startSession({ readPreference: { mode: 'primary' } });
session.startTransaction({ readConcern: { level: 'local' }, writeConcern: { w: 'majority' } });

const forms = session.getDatabase('formsg').forms;
const matched = forms.countDocuments({ legacyFlag: { $exists: true } });
console.log('to update:', matched);
forms.updateMany({ legacyFlag: { $exists: true } }, { $unset: { legacyFlag: true } });

if (forms.countDocuments({ legacyFlag: { $exists: true } }) === 0) {
  session.commitTransaction();
} else {
  session.abortTransaction();
}
session.endSession();

const other = db.getMongo().startSession();
other.endSession();
