// Generated from openapi/ by `npm run generate`. Do not edit.
// validators.mjs
var validateInteractionPage = validate21;
var schema32 = { "type": "object", "required": ["page", "limit", "offset", "total", "results"], "properties": { "page": { "type": ["integer", "null"], "minimum": 0 }, "limit": { "type": "integer", "minimum": 1, "maximum": 100 }, "offset": { "type": "integer", "minimum": 0 }, "total": { "type": "integer", "minimum": 0 }, "results": { "type": "array", "maxItems": 100, "items": { "$ref": "#/components/schemas/Interaction" } } } };
var schema33 = { "type": "object", "additionalProperties": true, "required": ["interactionId", "startTimestamp", "endTimestamp", "channelType", "channelName", "directionType", "directionName", "customer", "note", "csat", "recording", "transcript", "lastAgentId", "lastAgentName", "lastQueueId", "lastQueueName", "lastDispositionId", "lastDispositionName"], "properties": { "interactionId": { "type": "string", "format": "uuid" }, "startTimestamp": { "type": "string", "format": "date-time" }, "endTimestamp": { "type": ["string", "null"], "format": "date-time" }, "channelType": { "type": "string", "enum": ["voice", "sms", "email", "messaging", "work-item"] }, "channelName": { "type": "string" }, "directionType": { "type": "string", "enum": ["inbound", "outbound", "agent-initiated"] }, "directionName": { "type": "string" }, "customer": { "type": "string" }, "note": { "type": "integer", "enum": [0, 1] }, "csat": { "type": ["number", "null"] }, "recording": {}, "transcript": {}, "lastAgentId": { "type": ["string", "null"], "format": "uuid" }, "lastAgentName": { "type": ["string", "null"] }, "lastQueueId": { "type": ["string", "null"], "format": "uuid" }, "lastQueueName": { "type": ["string", "null"] }, "lastDispositionId": { "type": ["string", "null"], "format": "uuid" }, "lastDispositionName": { "type": ["string", "null"] } } };
var formats0 = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
var formats2 = /^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i;
function validate21(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate21.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      let missing0;
      if (data.page === void 0 && (missing0 = "page") || data.limit === void 0 && (missing0 = "limit") || data.offset === void 0 && (missing0 = "offset") || data.total === void 0 && (missing0 = "total") || data.results === void 0 && (missing0 = "results")) {
        validate21.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        if (data.page !== void 0) {
          let data0 = data.page;
          const _errs1 = errors;
          if (!(typeof data0 == "number" && (!(data0 % 1) && !isNaN(data0)) && isFinite(data0)) && data0 !== null) {
            validate21.errors = [{ instancePath: instancePath + "/page", schemaPath: "#/properties/page/type", keyword: "type", params: { type: schema32.properties.page.type }, message: "must be integer,null" }];
            return false;
          }
          if (errors === _errs1) {
            if (typeof data0 == "number" && isFinite(data0)) {
              if (data0 < 0 || isNaN(data0)) {
                validate21.errors = [{ instancePath: instancePath + "/page", schemaPath: "#/properties/page/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                return false;
              }
            }
          }
          var valid0 = _errs1 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.limit !== void 0) {
            let data1 = data.limit;
            const _errs3 = errors;
            if (!(typeof data1 == "number" && (!(data1 % 1) && !isNaN(data1)) && isFinite(data1))) {
              validate21.errors = [{ instancePath: instancePath + "/limit", schemaPath: "#/properties/limit/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
              return false;
            }
            if (errors === _errs3) {
              if (typeof data1 == "number" && isFinite(data1)) {
                if (data1 > 100 || isNaN(data1)) {
                  validate21.errors = [{ instancePath: instancePath + "/limit", schemaPath: "#/properties/limit/maximum", keyword: "maximum", params: { comparison: "<=", limit: 100 }, message: "must be <= 100" }];
                  return false;
                } else {
                  if (data1 < 1 || isNaN(data1)) {
                    validate21.errors = [{ instancePath: instancePath + "/limit", schemaPath: "#/properties/limit/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" }];
                    return false;
                  }
                }
              }
            }
            var valid0 = _errs3 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.offset !== void 0) {
              let data2 = data.offset;
              const _errs5 = errors;
              if (!(typeof data2 == "number" && (!(data2 % 1) && !isNaN(data2)) && isFinite(data2))) {
                validate21.errors = [{ instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                return false;
              }
              if (errors === _errs5) {
                if (typeof data2 == "number" && isFinite(data2)) {
                  if (data2 < 0 || isNaN(data2)) {
                    validate21.errors = [{ instancePath: instancePath + "/offset", schemaPath: "#/properties/offset/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                    return false;
                  }
                }
              }
              var valid0 = _errs5 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.total !== void 0) {
                let data3 = data.total;
                const _errs7 = errors;
                if (!(typeof data3 == "number" && (!(data3 % 1) && !isNaN(data3)) && isFinite(data3))) {
                  validate21.errors = [{ instancePath: instancePath + "/total", schemaPath: "#/properties/total/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                  return false;
                }
                if (errors === _errs7) {
                  if (typeof data3 == "number" && isFinite(data3)) {
                    if (data3 < 0 || isNaN(data3)) {
                      validate21.errors = [{ instancePath: instancePath + "/total", schemaPath: "#/properties/total/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" }];
                      return false;
                    }
                  }
                }
                var valid0 = _errs7 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.results !== void 0) {
                  let data4 = data.results;
                  const _errs9 = errors;
                  if (errors === _errs9) {
                    if (Array.isArray(data4)) {
                      if (data4.length > 100) {
                        validate21.errors = [{ instancePath: instancePath + "/results", schemaPath: "#/properties/results/maxItems", keyword: "maxItems", params: { limit: 100 }, message: "must NOT have more than 100 items" }];
                        return false;
                      } else {
                        var valid1 = true;
                        const len0 = data4.length;
                        for (let i0 = 0; i0 < len0; i0++) {
                          let data5 = data4[i0];
                          const _errs11 = errors;
                          const _errs12 = errors;
                          if (errors === _errs12) {
                            if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
                              let missing1;
                              if (data5.interactionId === void 0 && (missing1 = "interactionId") || data5.startTimestamp === void 0 && (missing1 = "startTimestamp") || data5.endTimestamp === void 0 && (missing1 = "endTimestamp") || data5.channelType === void 0 && (missing1 = "channelType") || data5.channelName === void 0 && (missing1 = "channelName") || data5.directionType === void 0 && (missing1 = "directionType") || data5.directionName === void 0 && (missing1 = "directionName") || data5.customer === void 0 && (missing1 = "customer") || data5.note === void 0 && (missing1 = "note") || data5.csat === void 0 && (missing1 = "csat") || data5.recording === void 0 && (missing1 = "recording") || data5.transcript === void 0 && (missing1 = "transcript") || data5.lastAgentId === void 0 && (missing1 = "lastAgentId") || data5.lastAgentName === void 0 && (missing1 = "lastAgentName") || data5.lastQueueId === void 0 && (missing1 = "lastQueueId") || data5.lastQueueName === void 0 && (missing1 = "lastQueueName") || data5.lastDispositionId === void 0 && (missing1 = "lastDispositionId") || data5.lastDispositionName === void 0 && (missing1 = "lastDispositionName")) {
                                validate21.errors = [{ instancePath: instancePath + "/results/" + i0, schemaPath: "#/components/schemas/Interaction/required", keyword: "required", params: { missingProperty: missing1 }, message: "must have required property '" + missing1 + "'" }];
                                return false;
                              } else {
                                if (data5.interactionId !== void 0) {
                                  let data6 = data5.interactionId;
                                  const _errs15 = errors;
                                  if (errors === _errs15) {
                                    if (errors === _errs15) {
                                      if (typeof data6 === "string") {
                                        if (!formats0.test(data6)) {
                                          validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/interactionId", schemaPath: "#/components/schemas/Interaction/properties/interactionId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                                          return false;
                                        }
                                      } else {
                                        validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/interactionId", schemaPath: "#/components/schemas/Interaction/properties/interactionId/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                        return false;
                                      }
                                    }
                                  }
                                  var valid3 = _errs15 === errors;
                                } else {
                                  var valid3 = true;
                                }
                                if (valid3) {
                                  if (data5.startTimestamp !== void 0) {
                                    let data7 = data5.startTimestamp;
                                    const _errs17 = errors;
                                    if (errors === _errs17) {
                                      if (errors === _errs17) {
                                        if (typeof data7 === "string") {
                                          if (!formats2.test(data7)) {
                                            validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/startTimestamp", schemaPath: "#/components/schemas/Interaction/properties/startTimestamp/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                                            return false;
                                          }
                                        } else {
                                          validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/startTimestamp", schemaPath: "#/components/schemas/Interaction/properties/startTimestamp/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                          return false;
                                        }
                                      }
                                    }
                                    var valid3 = _errs17 === errors;
                                  } else {
                                    var valid3 = true;
                                  }
                                  if (valid3) {
                                    if (data5.endTimestamp !== void 0) {
                                      let data8 = data5.endTimestamp;
                                      const _errs19 = errors;
                                      if (typeof data8 !== "string" && data8 !== null) {
                                        validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/endTimestamp", schemaPath: "#/components/schemas/Interaction/properties/endTimestamp/type", keyword: "type", params: { type: schema33.properties.endTimestamp.type }, message: "must be string,null" }];
                                        return false;
                                      }
                                      if (errors === _errs19) {
                                        if (errors === _errs19) {
                                          if (typeof data8 === "string") {
                                            if (!formats2.test(data8)) {
                                              validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/endTimestamp", schemaPath: "#/components/schemas/Interaction/properties/endTimestamp/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                                              return false;
                                            }
                                          }
                                        }
                                      }
                                      var valid3 = _errs19 === errors;
                                    } else {
                                      var valid3 = true;
                                    }
                                    if (valid3) {
                                      if (data5.channelType !== void 0) {
                                        let data9 = data5.channelType;
                                        const _errs21 = errors;
                                        if (typeof data9 !== "string") {
                                          validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/channelType", schemaPath: "#/components/schemas/Interaction/properties/channelType/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                          return false;
                                        }
                                        if (!(data9 === "voice" || data9 === "sms" || data9 === "email" || data9 === "messaging" || data9 === "work-item")) {
                                          validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/channelType", schemaPath: "#/components/schemas/Interaction/properties/channelType/enum", keyword: "enum", params: { allowedValues: schema33.properties.channelType.enum }, message: "must be equal to one of the allowed values" }];
                                          return false;
                                        }
                                        var valid3 = _errs21 === errors;
                                      } else {
                                        var valid3 = true;
                                      }
                                      if (valid3) {
                                        if (data5.channelName !== void 0) {
                                          const _errs23 = errors;
                                          if (typeof data5.channelName !== "string") {
                                            validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/channelName", schemaPath: "#/components/schemas/Interaction/properties/channelName/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                            return false;
                                          }
                                          var valid3 = _errs23 === errors;
                                        } else {
                                          var valid3 = true;
                                        }
                                        if (valid3) {
                                          if (data5.directionType !== void 0) {
                                            let data11 = data5.directionType;
                                            const _errs25 = errors;
                                            if (typeof data11 !== "string") {
                                              validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/directionType", schemaPath: "#/components/schemas/Interaction/properties/directionType/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                              return false;
                                            }
                                            if (!(data11 === "inbound" || data11 === "outbound" || data11 === "agent-initiated")) {
                                              validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/directionType", schemaPath: "#/components/schemas/Interaction/properties/directionType/enum", keyword: "enum", params: { allowedValues: schema33.properties.directionType.enum }, message: "must be equal to one of the allowed values" }];
                                              return false;
                                            }
                                            var valid3 = _errs25 === errors;
                                          } else {
                                            var valid3 = true;
                                          }
                                          if (valid3) {
                                            if (data5.directionName !== void 0) {
                                              const _errs27 = errors;
                                              if (typeof data5.directionName !== "string") {
                                                validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/directionName", schemaPath: "#/components/schemas/Interaction/properties/directionName/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                return false;
                                              }
                                              var valid3 = _errs27 === errors;
                                            } else {
                                              var valid3 = true;
                                            }
                                            if (valid3) {
                                              if (data5.customer !== void 0) {
                                                const _errs29 = errors;
                                                if (typeof data5.customer !== "string") {
                                                  validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/customer", schemaPath: "#/components/schemas/Interaction/properties/customer/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                                                  return false;
                                                }
                                                var valid3 = _errs29 === errors;
                                              } else {
                                                var valid3 = true;
                                              }
                                              if (valid3) {
                                                if (data5.note !== void 0) {
                                                  let data14 = data5.note;
                                                  const _errs31 = errors;
                                                  if (!(typeof data14 == "number" && (!(data14 % 1) && !isNaN(data14)) && isFinite(data14))) {
                                                    validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/note", schemaPath: "#/components/schemas/Interaction/properties/note/type", keyword: "type", params: { type: "integer" }, message: "must be integer" }];
                                                    return false;
                                                  }
                                                  if (!(data14 === 0 || data14 === 1)) {
                                                    validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/note", schemaPath: "#/components/schemas/Interaction/properties/note/enum", keyword: "enum", params: { allowedValues: schema33.properties.note.enum }, message: "must be equal to one of the allowed values" }];
                                                    return false;
                                                  }
                                                  var valid3 = _errs31 === errors;
                                                } else {
                                                  var valid3 = true;
                                                }
                                                if (valid3) {
                                                  if (data5.csat !== void 0) {
                                                    let data15 = data5.csat;
                                                    const _errs33 = errors;
                                                    if (!(typeof data15 == "number" && isFinite(data15)) && data15 !== null) {
                                                      validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/csat", schemaPath: "#/components/schemas/Interaction/properties/csat/type", keyword: "type", params: { type: schema33.properties.csat.type }, message: "must be number,null" }];
                                                      return false;
                                                    }
                                                    var valid3 = _errs33 === errors;
                                                  } else {
                                                    var valid3 = true;
                                                  }
                                                  if (valid3) {
                                                    if (data5.lastAgentId !== void 0) {
                                                      let data16 = data5.lastAgentId;
                                                      const _errs35 = errors;
                                                      if (typeof data16 !== "string" && data16 !== null) {
                                                        validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/lastAgentId", schemaPath: "#/components/schemas/Interaction/properties/lastAgentId/type", keyword: "type", params: { type: schema33.properties.lastAgentId.type }, message: "must be string,null" }];
                                                        return false;
                                                      }
                                                      if (errors === _errs35) {
                                                        if (errors === _errs35) {
                                                          if (typeof data16 === "string") {
                                                            if (!formats0.test(data16)) {
                                                              validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/lastAgentId", schemaPath: "#/components/schemas/Interaction/properties/lastAgentId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                                                              return false;
                                                            }
                                                          }
                                                        }
                                                      }
                                                      var valid3 = _errs35 === errors;
                                                    } else {
                                                      var valid3 = true;
                                                    }
                                                    if (valid3) {
                                                      if (data5.lastAgentName !== void 0) {
                                                        let data17 = data5.lastAgentName;
                                                        const _errs37 = errors;
                                                        if (typeof data17 !== "string" && data17 !== null) {
                                                          validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/lastAgentName", schemaPath: "#/components/schemas/Interaction/properties/lastAgentName/type", keyword: "type", params: { type: schema33.properties.lastAgentName.type }, message: "must be string,null" }];
                                                          return false;
                                                        }
                                                        var valid3 = _errs37 === errors;
                                                      } else {
                                                        var valid3 = true;
                                                      }
                                                      if (valid3) {
                                                        if (data5.lastQueueId !== void 0) {
                                                          let data18 = data5.lastQueueId;
                                                          const _errs39 = errors;
                                                          if (typeof data18 !== "string" && data18 !== null) {
                                                            validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/lastQueueId", schemaPath: "#/components/schemas/Interaction/properties/lastQueueId/type", keyword: "type", params: { type: schema33.properties.lastQueueId.type }, message: "must be string,null" }];
                                                            return false;
                                                          }
                                                          if (errors === _errs39) {
                                                            if (errors === _errs39) {
                                                              if (typeof data18 === "string") {
                                                                if (!formats0.test(data18)) {
                                                                  validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/lastQueueId", schemaPath: "#/components/schemas/Interaction/properties/lastQueueId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                                                                  return false;
                                                                }
                                                              }
                                                            }
                                                          }
                                                          var valid3 = _errs39 === errors;
                                                        } else {
                                                          var valid3 = true;
                                                        }
                                                        if (valid3) {
                                                          if (data5.lastQueueName !== void 0) {
                                                            let data19 = data5.lastQueueName;
                                                            const _errs41 = errors;
                                                            if (typeof data19 !== "string" && data19 !== null) {
                                                              validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/lastQueueName", schemaPath: "#/components/schemas/Interaction/properties/lastQueueName/type", keyword: "type", params: { type: schema33.properties.lastQueueName.type }, message: "must be string,null" }];
                                                              return false;
                                                            }
                                                            var valid3 = _errs41 === errors;
                                                          } else {
                                                            var valid3 = true;
                                                          }
                                                          if (valid3) {
                                                            if (data5.lastDispositionId !== void 0) {
                                                              let data20 = data5.lastDispositionId;
                                                              const _errs43 = errors;
                                                              if (typeof data20 !== "string" && data20 !== null) {
                                                                validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/lastDispositionId", schemaPath: "#/components/schemas/Interaction/properties/lastDispositionId/type", keyword: "type", params: { type: schema33.properties.lastDispositionId.type }, message: "must be string,null" }];
                                                                return false;
                                                              }
                                                              if (errors === _errs43) {
                                                                if (errors === _errs43) {
                                                                  if (typeof data20 === "string") {
                                                                    if (!formats0.test(data20)) {
                                                                      validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/lastDispositionId", schemaPath: "#/components/schemas/Interaction/properties/lastDispositionId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                                                                      return false;
                                                                    }
                                                                  }
                                                                }
                                                              }
                                                              var valid3 = _errs43 === errors;
                                                            } else {
                                                              var valid3 = true;
                                                            }
                                                            if (valid3) {
                                                              if (data5.lastDispositionName !== void 0) {
                                                                let data21 = data5.lastDispositionName;
                                                                const _errs45 = errors;
                                                                if (typeof data21 !== "string" && data21 !== null) {
                                                                  validate21.errors = [{ instancePath: instancePath + "/results/" + i0 + "/lastDispositionName", schemaPath: "#/components/schemas/Interaction/properties/lastDispositionName/type", keyword: "type", params: { type: schema33.properties.lastDispositionName.type }, message: "must be string,null" }];
                                                                  return false;
                                                                }
                                                                var valid3 = _errs45 === errors;
                                                              } else {
                                                                var valid3 = true;
                                                              }
                                                            }
                                                          }
                                                        }
                                                      }
                                                    }
                                                  }
                                                }
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            } else {
                              validate21.errors = [{ instancePath: instancePath + "/results/" + i0, schemaPath: "#/components/schemas/Interaction/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                              return false;
                            }
                          }
                          var valid1 = _errs11 === errors;
                          if (!valid1) {
                            break;
                          }
                        }
                      }
                    } else {
                      validate21.errors = [{ instancePath: instancePath + "/results", schemaPath: "#/properties/results/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                      return false;
                    }
                  }
                  var valid0 = _errs9 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate21.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate21.errors = vErrors;
  return errors === 0;
}
validate21.evaluated = { "props": { "page": true, "limit": true, "offset": true, "total": true, "results": true }, "dynamicProps": false, "dynamicItems": false };
export {
  validateInteractionPage
};
