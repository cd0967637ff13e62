// Generated from openapi/ by `npm run generate`. Do not edit.
// validators.mjs
var validateErrorBody = validate30;
var schema46 = { "type": "object", "required": ["error"], "properties": { "error": { "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }, { "type": "object", "properties": { "code": { "type": ["string", "integer"] }, "message": { "type": "string" }, "attribute": { "type": "object", "additionalProperties": { "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }] } } } }] } } };
function validate30(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate30.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.error === void 0 && (missing0 = "error")) {
        validate30.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        if (data.error !== void 0) {
          let data0 = data.error;
          const _errs2 = errors;
          let valid1 = false;
          const _errs3 = errors;
          if (typeof data0 !== "string") {
            const err0 = { instancePath: instancePath + "/error", schemaPath: "#/properties/error/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            if (vErrors === null) {
              vErrors = [err0];
            } else {
              vErrors.push(err0);
            }
            errors++;
          }
          var _valid0 = _errs3 === errors;
          valid1 = valid1 || _valid0;
          const _errs5 = errors;
          if (errors === _errs5) {
            if (Array.isArray(data0)) {
              var valid2 = true;
              const len0 = data0.length;
              for (let i0 = 0; i0 < len0; i0++) {
                const _errs7 = errors;
                if (typeof data0[i0] !== "string") {
                  const err1 = { instancePath: instancePath + "/error/" + i0, schemaPath: "#/properties/error/anyOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  if (vErrors === null) {
                    vErrors = [err1];
                  } else {
                    vErrors.push(err1);
                  }
                  errors++;
                }
                var valid2 = _errs7 === errors;
                if (!valid2) {
                  break;
                }
              }
            } else {
              const err2 = { instancePath: instancePath + "/error", schemaPath: "#/properties/error/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
          }
          var _valid0 = _errs5 === errors;
          valid1 = valid1 || _valid0;
          const _errs9 = errors;
          if (errors === _errs9) {
            if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
              if (data0.code !== void 0) {
                let data2 = data0.code;
                const _errs11 = errors;
                if (typeof data2 !== "string" && !(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
                  const err3 = { instancePath: instancePath + "/error/code", schemaPath: "#/properties/error/anyOf/2/properties/code/type", keyword: "type", params: { type: schema46.properties.error.anyOf[2].properties.code.type }, message: "must be string,integer" };
                  if (vErrors === null) {
                    vErrors = [err3];
                  } else {
                    vErrors.push(err3);
                  }
                  errors++;
                }
                var valid3 = _errs11 === errors;
              } else {
                var valid3 = true;
              }
              if (valid3) {
                if (data0.message !== void 0) {
                  const _errs13 = errors;
                  if (typeof data0.message !== "string") {
                    const err4 = { instancePath: instancePath + "/error/message", schemaPath: "#/properties/error/anyOf/2/properties/message/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    if (vErrors === null) {
                      vErrors = [err4];
                    } else {
                      vErrors.push(err4);
                    }
                    errors++;
                  }
                  var valid3 = _errs13 === errors;
                } else {
                  var valid3 = true;
                }
                if (valid3) {
                  if (data0.attribute !== void 0) {
                    let data4 = data0.attribute;
                    const _errs15 = errors;
                    if (errors === _errs15) {
                      if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
                        for (const key0 in data4) {
                          let data5 = data4[key0];
                          const _errs18 = errors;
                          const _errs19 = errors;
                          let valid5 = false;
                          const _errs20 = errors;
                          if (typeof data5 !== "string") {
                            const err5 = { instancePath: instancePath + "/error/attribute/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/error/anyOf/2/properties/attribute/additionalProperties/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            if (vErrors === null) {
                              vErrors = [err5];
                            } else {
                              vErrors.push(err5);
                            }
                            errors++;
                          }
                          var _valid1 = _errs20 === errors;
                          valid5 = valid5 || _valid1;
                          const _errs22 = errors;
                          if (errors === _errs22) {
                            if (Array.isArray(data5)) {
                              var valid6 = true;
                              const len1 = data5.length;
                              for (let i1 = 0; i1 < len1; i1++) {
                                const _errs24 = errors;
                                if (typeof data5[i1] !== "string") {
                                  const err6 = { instancePath: instancePath + "/error/attribute/" + key0.replace(/~/g, "~0").replace(/\//g, "~1") + "/" + i1, schemaPath: "#/properties/error/anyOf/2/properties/attribute/additionalProperties/anyOf/1/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  if (vErrors === null) {
                                    vErrors = [err6];
                                  } else {
                                    vErrors.push(err6);
                                  }
                                  errors++;
                                }
                                var valid6 = _errs24 === errors;
                                if (!valid6) {
                                  break;
                                }
                              }
                            } else {
                              const err7 = { instancePath: instancePath + "/error/attribute/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/error/anyOf/2/properties/attribute/additionalProperties/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                              if (vErrors === null) {
                                vErrors = [err7];
                              } else {
                                vErrors.push(err7);
                              }
                              errors++;
                            }
                          }
                          var _valid1 = _errs22 === errors;
                          valid5 = valid5 || _valid1;
                          if (!valid5) {
                            const err8 = { instancePath: instancePath + "/error/attribute/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/error/anyOf/2/properties/attribute/additionalProperties/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                            if (vErrors === null) {
                              vErrors = [err8];
                            } else {
                              vErrors.push(err8);
                            }
                            errors++;
                          } else {
                            errors = _errs19;
                            if (vErrors !== null) {
                              if (_errs19) {
                                vErrors.length = _errs19;
                              } else {
                                vErrors = null;
                              }
                            }
                          }
                          var valid4 = _errs18 === errors;
                          if (!valid4) {
                            break;
                          }
                        }
                      } else {
                        const err9 = { instancePath: instancePath + "/error/attribute", schemaPath: "#/properties/error/anyOf/2/properties/attribute/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        if (vErrors === null) {
                          vErrors = [err9];
                        } else {
                          vErrors.push(err9);
                        }
                        errors++;
                      }
                    }
                    var valid3 = _errs15 === errors;
                  } else {
                    var valid3 = true;
                  }
                }
              }
            } else {
              const err10 = { instancePath: instancePath + "/error", schemaPath: "#/properties/error/anyOf/2/type", keyword: "type", params: { type: "object" }, message: "must be object" };
              if (vErrors === null) {
                vErrors = [err10];
              } else {
                vErrors.push(err10);
              }
              errors++;
            }
          }
          var _valid0 = _errs9 === errors;
          valid1 = valid1 || _valid0;
          if (_valid0) {
            var props0 = {};
            props0.code = true;
            props0.message = true;
            props0.attribute = true;
          }
          if (!valid1) {
            const err11 = { instancePath: instancePath + "/error", schemaPath: "#/properties/error/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
            validate30.errors = vErrors;
            return false;
          } else {
            errors = _errs2;
            if (vErrors !== null) {
              if (_errs2) {
                vErrors.length = _errs2;
              } else {
                vErrors = null;
              }
            }
          }
        }
      }
    } else {
      validate30.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate30.errors = vErrors;
  return errors === 0;
}
validate30.evaluated = { "props": { "error": true }, "dynamicProps": false, "dynamicItems": false };
export {
  validateErrorBody
};
