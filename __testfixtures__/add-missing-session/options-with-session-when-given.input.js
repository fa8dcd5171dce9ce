const mongoose = require('mongoose');
const Category = require('../models/category');
const Tag = require('../models/tag');

const DEFAULT_CATEGORIES = ['Food', 'Rent', 'Salary'];

// Called inside a transaction and outside one: the options carry the session, and ordered: true,
// only when there is a session.
async function createDefaultCategories(userId, session) {
  const categories = DEFAULT_CATEGORIES.map((name) => ({ name, user: userId }));
  const options = session ? { session, ordered: true } : {};
  return Category.create(categories, options);
}

// The same shape without ordered: true is reported.
async function createDefaultTags(userId, session) {
  const tags = ['home', 'work'].map((name) => ({ name, user: userId }));
  const options = session ? { session } : {};
  return Tag.create(tags, options);
}

async function setUpAccount(userId) {
  await mongoose.connection.transaction(async (session) => {
    await createDefaultCategories(userId, session);
    await createDefaultTags(userId, session);
  });
}

module.exports = { setUpAccount, createDefaultCategories, createDefaultTags };
