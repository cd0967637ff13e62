// Generated from openapi/ by `npm run generate`. Do not edit.
// validators.mjs
var validateInteractionRecord = validate22;
var formats0 = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
function validate22(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate22.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.interactionId === void 0 && (missing0 = "interactionId")) {
        validate22.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        if (data.tenantId !== void 0) {
          let data0 = data.tenantId;
          const _errs2 = errors;
          if (errors === _errs2) {
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!formats0.test(data0)) {
                  validate22.errors = [{ instancePath: instancePath + "/tenantId", schemaPath: "#/properties/tenantId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                  return false;
                }
              } else {
                validate22.errors = [{ instancePath: instancePath + "/tenantId", schemaPath: "#/properties/tenantId/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                return false;
              }
            }
          }
          var valid0 = _errs2 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.interactionId !== void 0) {
            let data1 = data.interactionId;
            const _errs4 = errors;
            if (errors === _errs4) {
              if (errors === _errs4) {
                if (typeof data1 === "string") {
                  if (!formats0.test(data1)) {
                    validate22.errors = [{ instancePath: instancePath + "/interactionId", schemaPath: "#/properties/interactionId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                    return false;
                  }
                } else {
                  validate22.errors = [{ instancePath: instancePath + "/interactionId", schemaPath: "#/properties/interactionId/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
            }
            var valid0 = _errs4 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.segments !== void 0) {
              const _errs6 = errors;
              if (errors === _errs6) {
                if (!Array.isArray(data.segments)) {
                  validate22.errors = [{ instancePath: instancePath + "/segments", schemaPath: "#/properties/segments/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                  return false;
                }
              }
              var valid0 = _errs6 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.queues !== void 0) {
                const _errs8 = errors;
                if (errors === _errs8) {
                  if (!Array.isArray(data.queues)) {
                    validate22.errors = [{ instancePath: instancePath + "/queues", schemaPath: "#/properties/queues/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                    return false;
                  }
                }
                var valid0 = _errs8 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.details !== void 0) {
                  let data4 = data.details;
                  const _errs10 = errors;
                  if (errors === _errs10) {
                    if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                      if (data4.agents !== void 0) {
                        const _errs13 = errors;
                        if (errors === _errs13) {
                          if (!Array.isArray(data4.agents)) {
                            validate22.errors = [{ instancePath: instancePath + "/details/agents", schemaPath: "#/properties/details/properties/agents/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                            return false;
                          }
                        }
                      }
                    } else {
                      validate22.errors = [{ instancePath: instancePath + "/details", schemaPath: "#/properties/details/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                      return false;
                    }
                  }
                  var valid0 = _errs10 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate22.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate22.errors = vErrors;
  return errors === 0;
}
validate22.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
export {
  validateInteractionRecord
};
