const mysql = require('mysql');

const pool = mysql.createPool(process.env.MYSQL_URL);

// Same shape as ./tx, for the reporting database: a MySQL connection, not a MongoDB session.
module.exports = {
  begin: () =>
    new Promise((resolve, reject) => {
      pool.getConnection((err, connection) => {
        if (err) return reject(err);
        connection.beginTransaction((beginErr) => (beginErr ? reject(beginErr) : resolve(connection)));
      });
    }),
  finish: (connection) =>
    new Promise((resolve, reject) => {
      connection.commit((err) => {
        connection.release();
        return err ? reject(err) : resolve();
      });
    }),
};
