'use strict';
// @nestjs/mongoose, for scenarios: injection decorators that do nothing (the scenario constructs the service).
const decorator = () => () => undefined;
module.exports = { InjectModel: decorator, InjectConnection: decorator, Prop: decorator, Schema: decorator };
