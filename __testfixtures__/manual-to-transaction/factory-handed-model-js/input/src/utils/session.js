const createSession = async (model) => model.startSession();

async function createLoggedSession(model) {
  console.log(`session for ${model.modelName}`);
  return model.startSession();
}

module.exports = { createSession, createLoggedSession };
