// Generated from openapi/ by `npm run generate`. Do not edit.
// validators.mjs
var validateInteractionRecord = validate27;
var schema35 = { "type": "object", "additionalProperties": true, "required": ["interactionId"], "properties": { "tenantId": { "type": "string", "format": "uuid" }, "interactionId": { "type": "string", "format": "uuid" }, "flowId": { "type": ["string", "null"], "format": "uuid" }, "flowName": { "type": ["string", "null"] }, "startTimestamp": { "type": ["string", "null"], "format": "date-time" }, "endTimestamp": { "type": ["string", "null"], "format": "date-time" }, "interactionTime": { "type": ["number", "null"] }, "customerAbandonTime": { "type": ["number", "null"] }, "ivrTime": { "type": ["number", "null"] }, "ivrAbandoned": {}, "contactPoint": { "type": ["string", "null"] }, "customer": { "type": ["string", "null"] }, "customerHolds": { "type": ["number", "null"] }, "customerHoldTime": {}, "customerTransfers": {}, "customerConversationTime": { "type": ["number", "null"] }, "customerTalkTime": { "type": ["number", "null"] }, "customerResponseTimes": { "type": "array", "items": {} }, "customerSatisfactionScore": { "type": ["number", "null"] }, "thirdPartyTime": {}, "campaignId": {}, "leadId": {}, "flagged": {}, "monitors": { "type": "array", "items": {} }, "hooks": { "type": "array", "items": { "$ref": "#/components/schemas/InteractionHook" } }, "segments": { "type": "array", "items": { "$ref": "#/components/schemas/InteractionSegment" } }, "queues": { "type": "array", "items": { "$ref": "#/components/schemas/InteractionQueue" } }, "details": { "$ref": "#/components/schemas/InteractionRecordDetails" } } };
var schema36 = { "type": "object", "additionalProperties": true, "properties": { "interactionHookId": { "type": ["string", "null"], "format": "uuid" }, "hookType": { "type": ["string", "null"] }, "hookSubType": { "type": ["string", "null"] }, "hookId": { "type": ["string", "null"] }, "hookName": { "type": ["string", "null"] }, "hookedBy": { "type": ["string", "null"] }, "agentId": { "type": ["string", "null"], "format": "uuid" }, "timestamp": { "type": ["string", "null"], "format": "date-time" } } };
var schema37 = { "type": "object", "additionalProperties": true, "properties": { "segmentNumber": { "type": ["number", "null"] }, "segmentCancelled": { "type": ["boolean", "null"] }, "interactionSegmentId": { "type": ["string", "null"], "format": "uuid" }, "segmentStartType": { "type": ["string", "null"] }, "segmentEndType": { "type": ["string", "null"] }, "startTimestamp": { "type": ["string", "null"], "format": "date-time" }, "endTimestamp": { "type": ["string", "null"], "format": "date-time" }, "segmentTime": { "type": ["number", "null"] }, "segmentCancelTime": { "type": ["number", "null"] }, "segmentToAgentId": { "type": ["string", "null"], "format": "uuid" }, "segmentConsultTime": {}, "agentId": {}, "interactionAgentId": {}, "transfer": {}, "transferTime": {}, "addParticipant": {}, "addParticipantTime": {}, "addParticipantHandedOff": {}, "segmentExtensionType": {}, "segmentExtensionValue": {}, "segmentThirdParty": {} } };
var schema38 = { "type": "object", "additionalProperties": true, "properties": { "interactionQueueId": {}, "queueEntryLength": { "type": ["number", "null"] }, "interactionSegmentId": { "type": ["string", "null"], "format": "uuid" }, "queueAbandonTime": { "type": ["number", "null"] }, "platformQueueId": { "type": ["number", "null"] } } };
var formats0 = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
var formats2 = /^\d\d\d\d-[0-1]\d-[0-3]\dt(?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)$/i;
var schema39 = { "type": "object", "additionalProperties": true, "properties": { "endTimestamp": { "type": ["string", "null"], "format": "date-time" }, "interactionId": { "type": ["string", "null"], "format": "uuid" }, "contactPoint": { "type": ["string", "null"] }, "customer": { "type": ["string", "null"] }, "csat": {}, "startTimestamp": { "type": ["string", "null"], "format": "date-time" }, "agents": { "type": "array", "items": { "$ref": "#/components/schemas/InteractionAgent" } }, "direction": { "type": ["string", "null"] }, "contactId": {}, "channelType": { "type": ["string", "null"] } } };
function validate24(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate24.evaluated;
  if (evaluated0.dynamicProps) {
    evaluated0.props = void 0;
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = void 0;
  }
  if (errors === 0) {
    if (data && typeof data == "object" && !Array.isArray(data)) {
      if (data.endTimestamp !== void 0) {
        let data0 = data.endTimestamp;
        const _errs2 = errors;
        if (typeof data0 !== "string" && data0 !== null) {
          validate24.errors = [{ instancePath: instancePath + "/endTimestamp", schemaPath: "#/properties/endTimestamp/type", keyword: "type", params: { type: schema39.properties.endTimestamp.type }, message: "must be string,null" }];
          return false;
        }
        if (errors === _errs2) {
          if (errors === _errs2) {
            if (typeof data0 === "string") {
              if (!formats2.test(data0)) {
                validate24.errors = [{ instancePath: instancePath + "/endTimestamp", schemaPath: "#/properties/endTimestamp/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                return false;
              }
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
          if (typeof data1 !== "string" && data1 !== null) {
            validate24.errors = [{ instancePath: instancePath + "/interactionId", schemaPath: "#/properties/interactionId/type", keyword: "type", params: { type: schema39.properties.interactionId.type }, message: "must be string,null" }];
            return false;
          }
          if (errors === _errs4) {
            if (errors === _errs4) {
              if (typeof data1 === "string") {
                if (!formats0.test(data1)) {
                  validate24.errors = [{ instancePath: instancePath + "/interactionId", schemaPath: "#/properties/interactionId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                  return false;
                }
              }
            }
          }
          var valid0 = _errs4 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.contactPoint !== void 0) {
            let data2 = data.contactPoint;
            const _errs6 = errors;
            if (typeof data2 !== "string" && data2 !== null) {
              validate24.errors = [{ instancePath: instancePath + "/contactPoint", schemaPath: "#/properties/contactPoint/type", keyword: "type", params: { type: schema39.properties.contactPoint.type }, message: "must be string,null" }];
              return false;
            }
            var valid0 = _errs6 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.customer !== void 0) {
              let data3 = data.customer;
              const _errs8 = errors;
              if (typeof data3 !== "string" && data3 !== null) {
                validate24.errors = [{ instancePath: instancePath + "/customer", schemaPath: "#/properties/customer/type", keyword: "type", params: { type: schema39.properties.customer.type }, message: "must be string,null" }];
                return false;
              }
              var valid0 = _errs8 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.startTimestamp !== void 0) {
                let data4 = data.startTimestamp;
                const _errs10 = errors;
                if (typeof data4 !== "string" && data4 !== null) {
                  validate24.errors = [{ instancePath: instancePath + "/startTimestamp", schemaPath: "#/properties/startTimestamp/type", keyword: "type", params: { type: schema39.properties.startTimestamp.type }, message: "must be string,null" }];
                  return false;
                }
                if (errors === _errs10) {
                  if (errors === _errs10) {
                    if (typeof data4 === "string") {
                      if (!formats2.test(data4)) {
                        validate24.errors = [{ instancePath: instancePath + "/startTimestamp", schemaPath: "#/properties/startTimestamp/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                        return false;
                      }
                    }
                  }
                }
                var valid0 = _errs10 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.agents !== void 0) {
                  let data5 = data.agents;
                  const _errs12 = errors;
                  if (errors === _errs12) {
                    if (Array.isArray(data5)) {
                      var valid1 = true;
                      const len0 = data5.length;
                      for (let i0 = 0; i0 < len0; i0++) {
                        let data6 = data5[i0];
                        const _errs14 = errors;
                        const _errs15 = errors;
                        if (errors === _errs15) {
                          if (data6 && typeof data6 == "object" && !Array.isArray(data6)) {
                          } else {
                            validate24.errors = [{ instancePath: instancePath + "/agents/" + i0, schemaPath: "#/components/schemas/InteractionAgent/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                            return false;
                          }
                        }
                        var valid1 = _errs14 === errors;
                        if (!valid1) {
                          break;
                        }
                      }
                    } else {
                      validate24.errors = [{ instancePath: instancePath + "/agents", schemaPath: "#/properties/agents/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                      return false;
                    }
                  }
                  var valid0 = _errs12 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.direction !== void 0) {
                    let data7 = data.direction;
                    const _errs18 = errors;
                    if (typeof data7 !== "string" && data7 !== null) {
                      validate24.errors = [{ instancePath: instancePath + "/direction", schemaPath: "#/properties/direction/type", keyword: "type", params: { type: schema39.properties.direction.type }, message: "must be string,null" }];
                      return false;
                    }
                    var valid0 = _errs18 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.channelType !== void 0) {
                      let data8 = data.channelType;
                      const _errs20 = errors;
                      if (typeof data8 !== "string" && data8 !== null) {
                        validate24.errors = [{ instancePath: instancePath + "/channelType", schemaPath: "#/properties/channelType/type", keyword: "type", params: { type: schema39.properties.channelType.type }, message: "must be string,null" }];
                        return false;
                      }
                      var valid0 = _errs20 === errors;
                    } else {
                      var valid0 = true;
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate24.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate24.errors = vErrors;
  return errors === 0;
}
validate24.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
function validate27(data, { instancePath = "", parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}) {
  let vErrors = null;
  let errors = 0;
  const evaluated0 = validate27.evaluated;
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
        validate27.errors = [{ instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: missing0 }, message: "must have required property '" + missing0 + "'" }];
        return false;
      } else {
        if (data.tenantId !== void 0) {
          let data0 = data.tenantId;
          const _errs2 = errors;
          if (errors === _errs2) {
            if (errors === _errs2) {
              if (typeof data0 === "string") {
                if (!formats0.test(data0)) {
                  validate27.errors = [{ instancePath: instancePath + "/tenantId", schemaPath: "#/properties/tenantId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                  return false;
                }
              } else {
                validate27.errors = [{ instancePath: instancePath + "/tenantId", schemaPath: "#/properties/tenantId/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
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
                    validate27.errors = [{ instancePath: instancePath + "/interactionId", schemaPath: "#/properties/interactionId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                    return false;
                  }
                } else {
                  validate27.errors = [{ instancePath: instancePath + "/interactionId", schemaPath: "#/properties/interactionId/type", keyword: "type", params: { type: "string" }, message: "must be string" }];
                  return false;
                }
              }
            }
            var valid0 = _errs4 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.flowId !== void 0) {
              let data2 = data.flowId;
              const _errs6 = errors;
              if (typeof data2 !== "string" && data2 !== null) {
                validate27.errors = [{ instancePath: instancePath + "/flowId", schemaPath: "#/properties/flowId/type", keyword: "type", params: { type: schema35.properties.flowId.type }, message: "must be string,null" }];
                return false;
              }
              if (errors === _errs6) {
                if (errors === _errs6) {
                  if (typeof data2 === "string") {
                    if (!formats0.test(data2)) {
                      validate27.errors = [{ instancePath: instancePath + "/flowId", schemaPath: "#/properties/flowId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                      return false;
                    }
                  }
                }
              }
              var valid0 = _errs6 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.flowName !== void 0) {
                let data3 = data.flowName;
                const _errs8 = errors;
                if (typeof data3 !== "string" && data3 !== null) {
                  validate27.errors = [{ instancePath: instancePath + "/flowName", schemaPath: "#/properties/flowName/type", keyword: "type", params: { type: schema35.properties.flowName.type }, message: "must be string,null" }];
                  return false;
                }
                var valid0 = _errs8 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.startTimestamp !== void 0) {
                  let data4 = data.startTimestamp;
                  const _errs10 = errors;
                  if (typeof data4 !== "string" && data4 !== null) {
                    validate27.errors = [{ instancePath: instancePath + "/startTimestamp", schemaPath: "#/properties/startTimestamp/type", keyword: "type", params: { type: schema35.properties.startTimestamp.type }, message: "must be string,null" }];
                    return false;
                  }
                  if (errors === _errs10) {
                    if (errors === _errs10) {
                      if (typeof data4 === "string") {
                        if (!formats2.test(data4)) {
                          validate27.errors = [{ instancePath: instancePath + "/startTimestamp", schemaPath: "#/properties/startTimestamp/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                          return false;
                        }
                      }
                    }
                  }
                  var valid0 = _errs10 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.endTimestamp !== void 0) {
                    let data5 = data.endTimestamp;
                    const _errs12 = errors;
                    if (typeof data5 !== "string" && data5 !== null) {
                      validate27.errors = [{ instancePath: instancePath + "/endTimestamp", schemaPath: "#/properties/endTimestamp/type", keyword: "type", params: { type: schema35.properties.endTimestamp.type }, message: "must be string,null" }];
                      return false;
                    }
                    if (errors === _errs12) {
                      if (errors === _errs12) {
                        if (typeof data5 === "string") {
                          if (!formats2.test(data5)) {
                            validate27.errors = [{ instancePath: instancePath + "/endTimestamp", schemaPath: "#/properties/endTimestamp/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                            return false;
                          }
                        }
                      }
                    }
                    var valid0 = _errs12 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.interactionTime !== void 0) {
                      let data6 = data.interactionTime;
                      const _errs14 = errors;
                      if (!(typeof data6 == "number" && isFinite(data6)) && data6 !== null) {
                        validate27.errors = [{ instancePath: instancePath + "/interactionTime", schemaPath: "#/properties/interactionTime/type", keyword: "type", params: { type: schema35.properties.interactionTime.type }, message: "must be number,null" }];
                        return false;
                      }
                      var valid0 = _errs14 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.customerAbandonTime !== void 0) {
                        let data7 = data.customerAbandonTime;
                        const _errs16 = errors;
                        if (!(typeof data7 == "number" && isFinite(data7)) && data7 !== null) {
                          validate27.errors = [{ instancePath: instancePath + "/customerAbandonTime", schemaPath: "#/properties/customerAbandonTime/type", keyword: "type", params: { type: schema35.properties.customerAbandonTime.type }, message: "must be number,null" }];
                          return false;
                        }
                        var valid0 = _errs16 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.ivrTime !== void 0) {
                          let data8 = data.ivrTime;
                          const _errs18 = errors;
                          if (!(typeof data8 == "number" && isFinite(data8)) && data8 !== null) {
                            validate27.errors = [{ instancePath: instancePath + "/ivrTime", schemaPath: "#/properties/ivrTime/type", keyword: "type", params: { type: schema35.properties.ivrTime.type }, message: "must be number,null" }];
                            return false;
                          }
                          var valid0 = _errs18 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data.contactPoint !== void 0) {
                            let data9 = data.contactPoint;
                            const _errs20 = errors;
                            if (typeof data9 !== "string" && data9 !== null) {
                              validate27.errors = [{ instancePath: instancePath + "/contactPoint", schemaPath: "#/properties/contactPoint/type", keyword: "type", params: { type: schema35.properties.contactPoint.type }, message: "must be string,null" }];
                              return false;
                            }
                            var valid0 = _errs20 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data.customer !== void 0) {
                              let data10 = data.customer;
                              const _errs22 = errors;
                              if (typeof data10 !== "string" && data10 !== null) {
                                validate27.errors = [{ instancePath: instancePath + "/customer", schemaPath: "#/properties/customer/type", keyword: "type", params: { type: schema35.properties.customer.type }, message: "must be string,null" }];
                                return false;
                              }
                              var valid0 = _errs22 === errors;
                            } else {
                              var valid0 = true;
                            }
                            if (valid0) {
                              if (data.customerHolds !== void 0) {
                                let data11 = data.customerHolds;
                                const _errs24 = errors;
                                if (!(typeof data11 == "number" && isFinite(data11)) && data11 !== null) {
                                  validate27.errors = [{ instancePath: instancePath + "/customerHolds", schemaPath: "#/properties/customerHolds/type", keyword: "type", params: { type: schema35.properties.customerHolds.type }, message: "must be number,null" }];
                                  return false;
                                }
                                var valid0 = _errs24 === errors;
                              } else {
                                var valid0 = true;
                              }
                              if (valid0) {
                                if (data.customerConversationTime !== void 0) {
                                  let data12 = data.customerConversationTime;
                                  const _errs26 = errors;
                                  if (!(typeof data12 == "number" && isFinite(data12)) && data12 !== null) {
                                    validate27.errors = [{ instancePath: instancePath + "/customerConversationTime", schemaPath: "#/properties/customerConversationTime/type", keyword: "type", params: { type: schema35.properties.customerConversationTime.type }, message: "must be number,null" }];
                                    return false;
                                  }
                                  var valid0 = _errs26 === errors;
                                } else {
                                  var valid0 = true;
                                }
                                if (valid0) {
                                  if (data.customerTalkTime !== void 0) {
                                    let data13 = data.customerTalkTime;
                                    const _errs28 = errors;
                                    if (!(typeof data13 == "number" && isFinite(data13)) && data13 !== null) {
                                      validate27.errors = [{ instancePath: instancePath + "/customerTalkTime", schemaPath: "#/properties/customerTalkTime/type", keyword: "type", params: { type: schema35.properties.customerTalkTime.type }, message: "must be number,null" }];
                                      return false;
                                    }
                                    var valid0 = _errs28 === errors;
                                  } else {
                                    var valid0 = true;
                                  }
                                  if (valid0) {
                                    if (data.customerResponseTimes !== void 0) {
                                      const _errs30 = errors;
                                      if (errors === _errs30) {
                                        if (!Array.isArray(data.customerResponseTimes)) {
                                          validate27.errors = [{ instancePath: instancePath + "/customerResponseTimes", schemaPath: "#/properties/customerResponseTimes/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                          return false;
                                        }
                                      }
                                      var valid0 = _errs30 === errors;
                                    } else {
                                      var valid0 = true;
                                    }
                                    if (valid0) {
                                      if (data.customerSatisfactionScore !== void 0) {
                                        let data15 = data.customerSatisfactionScore;
                                        const _errs32 = errors;
                                        if (!(typeof data15 == "number" && isFinite(data15)) && data15 !== null) {
                                          validate27.errors = [{ instancePath: instancePath + "/customerSatisfactionScore", schemaPath: "#/properties/customerSatisfactionScore/type", keyword: "type", params: { type: schema35.properties.customerSatisfactionScore.type }, message: "must be number,null" }];
                                          return false;
                                        }
                                        var valid0 = _errs32 === errors;
                                      } else {
                                        var valid0 = true;
                                      }
                                      if (valid0) {
                                        if (data.monitors !== void 0) {
                                          const _errs34 = errors;
                                          if (errors === _errs34) {
                                            if (!Array.isArray(data.monitors)) {
                                              validate27.errors = [{ instancePath: instancePath + "/monitors", schemaPath: "#/properties/monitors/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                              return false;
                                            }
                                          }
                                          var valid0 = _errs34 === errors;
                                        } else {
                                          var valid0 = true;
                                        }
                                        if (valid0) {
                                          if (data.hooks !== void 0) {
                                            let data17 = data.hooks;
                                            const _errs36 = errors;
                                            if (errors === _errs36) {
                                              if (Array.isArray(data17)) {
                                                var valid1 = true;
                                                const len0 = data17.length;
                                                for (let i0 = 0; i0 < len0; i0++) {
                                                  let data18 = data17[i0];
                                                  const _errs38 = errors;
                                                  const _errs39 = errors;
                                                  if (errors === _errs39) {
                                                    if (data18 && typeof data18 == "object" && !Array.isArray(data18)) {
                                                      if (data18.interactionHookId !== void 0) {
                                                        let data19 = data18.interactionHookId;
                                                        const _errs42 = errors;
                                                        if (typeof data19 !== "string" && data19 !== null) {
                                                          validate27.errors = [{ instancePath: instancePath + "/hooks/" + i0 + "/interactionHookId", schemaPath: "#/components/schemas/InteractionHook/properties/interactionHookId/type", keyword: "type", params: { type: schema36.properties.interactionHookId.type }, message: "must be string,null" }];
                                                          return false;
                                                        }
                                                        if (errors === _errs42) {
                                                          if (errors === _errs42) {
                                                            if (typeof data19 === "string") {
                                                              if (!formats0.test(data19)) {
                                                                validate27.errors = [{ instancePath: instancePath + "/hooks/" + i0 + "/interactionHookId", schemaPath: "#/components/schemas/InteractionHook/properties/interactionHookId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                                                                return false;
                                                              }
                                                            }
                                                          }
                                                        }
                                                        var valid3 = _errs42 === errors;
                                                      } else {
                                                        var valid3 = true;
                                                      }
                                                      if (valid3) {
                                                        if (data18.hookType !== void 0) {
                                                          let data20 = data18.hookType;
                                                          const _errs44 = errors;
                                                          if (typeof data20 !== "string" && data20 !== null) {
                                                            validate27.errors = [{ instancePath: instancePath + "/hooks/" + i0 + "/hookType", schemaPath: "#/components/schemas/InteractionHook/properties/hookType/type", keyword: "type", params: { type: schema36.properties.hookType.type }, message: "must be string,null" }];
                                                            return false;
                                                          }
                                                          var valid3 = _errs44 === errors;
                                                        } else {
                                                          var valid3 = true;
                                                        }
                                                        if (valid3) {
                                                          if (data18.hookSubType !== void 0) {
                                                            let data21 = data18.hookSubType;
                                                            const _errs46 = errors;
                                                            if (typeof data21 !== "string" && data21 !== null) {
                                                              validate27.errors = [{ instancePath: instancePath + "/hooks/" + i0 + "/hookSubType", schemaPath: "#/components/schemas/InteractionHook/properties/hookSubType/type", keyword: "type", params: { type: schema36.properties.hookSubType.type }, message: "must be string,null" }];
                                                              return false;
                                                            }
                                                            var valid3 = _errs46 === errors;
                                                          } else {
                                                            var valid3 = true;
                                                          }
                                                          if (valid3) {
                                                            if (data18.hookId !== void 0) {
                                                              let data22 = data18.hookId;
                                                              const _errs48 = errors;
                                                              if (typeof data22 !== "string" && data22 !== null) {
                                                                validate27.errors = [{ instancePath: instancePath + "/hooks/" + i0 + "/hookId", schemaPath: "#/components/schemas/InteractionHook/properties/hookId/type", keyword: "type", params: { type: schema36.properties.hookId.type }, message: "must be string,null" }];
                                                                return false;
                                                              }
                                                              var valid3 = _errs48 === errors;
                                                            } else {
                                                              var valid3 = true;
                                                            }
                                                            if (valid3) {
                                                              if (data18.hookName !== void 0) {
                                                                let data23 = data18.hookName;
                                                                const _errs50 = errors;
                                                                if (typeof data23 !== "string" && data23 !== null) {
                                                                  validate27.errors = [{ instancePath: instancePath + "/hooks/" + i0 + "/hookName", schemaPath: "#/components/schemas/InteractionHook/properties/hookName/type", keyword: "type", params: { type: schema36.properties.hookName.type }, message: "must be string,null" }];
                                                                  return false;
                                                                }
                                                                var valid3 = _errs50 === errors;
                                                              } else {
                                                                var valid3 = true;
                                                              }
                                                              if (valid3) {
                                                                if (data18.hookedBy !== void 0) {
                                                                  let data24 = data18.hookedBy;
                                                                  const _errs52 = errors;
                                                                  if (typeof data24 !== "string" && data24 !== null) {
                                                                    validate27.errors = [{ instancePath: instancePath + "/hooks/" + i0 + "/hookedBy", schemaPath: "#/components/schemas/InteractionHook/properties/hookedBy/type", keyword: "type", params: { type: schema36.properties.hookedBy.type }, message: "must be string,null" }];
                                                                    return false;
                                                                  }
                                                                  var valid3 = _errs52 === errors;
                                                                } else {
                                                                  var valid3 = true;
                                                                }
                                                                if (valid3) {
                                                                  if (data18.agentId !== void 0) {
                                                                    let data25 = data18.agentId;
                                                                    const _errs54 = errors;
                                                                    if (typeof data25 !== "string" && data25 !== null) {
                                                                      validate27.errors = [{ instancePath: instancePath + "/hooks/" + i0 + "/agentId", schemaPath: "#/components/schemas/InteractionHook/properties/agentId/type", keyword: "type", params: { type: schema36.properties.agentId.type }, message: "must be string,null" }];
                                                                      return false;
                                                                    }
                                                                    if (errors === _errs54) {
                                                                      if (errors === _errs54) {
                                                                        if (typeof data25 === "string") {
                                                                          if (!formats0.test(data25)) {
                                                                            validate27.errors = [{ instancePath: instancePath + "/hooks/" + i0 + "/agentId", schemaPath: "#/components/schemas/InteractionHook/properties/agentId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                                                                            return false;
                                                                          }
                                                                        }
                                                                      }
                                                                    }
                                                                    var valid3 = _errs54 === errors;
                                                                  } else {
                                                                    var valid3 = true;
                                                                  }
                                                                  if (valid3) {
                                                                    if (data18.timestamp !== void 0) {
                                                                      let data26 = data18.timestamp;
                                                                      const _errs56 = errors;
                                                                      if (typeof data26 !== "string" && data26 !== null) {
                                                                        validate27.errors = [{ instancePath: instancePath + "/hooks/" + i0 + "/timestamp", schemaPath: "#/components/schemas/InteractionHook/properties/timestamp/type", keyword: "type", params: { type: schema36.properties.timestamp.type }, message: "must be string,null" }];
                                                                        return false;
                                                                      }
                                                                      if (errors === _errs56) {
                                                                        if (errors === _errs56) {
                                                                          if (typeof data26 === "string") {
                                                                            if (!formats2.test(data26)) {
                                                                              validate27.errors = [{ instancePath: instancePath + "/hooks/" + i0 + "/timestamp", schemaPath: "#/components/schemas/InteractionHook/properties/timestamp/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                                                                              return false;
                                                                            }
                                                                          }
                                                                        }
                                                                      }
                                                                      var valid3 = _errs56 === errors;
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
                                                    } else {
                                                      validate27.errors = [{ instancePath: instancePath + "/hooks/" + i0, schemaPath: "#/components/schemas/InteractionHook/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                      return false;
                                                    }
                                                  }
                                                  var valid1 = _errs38 === errors;
                                                  if (!valid1) {
                                                    break;
                                                  }
                                                }
                                              } else {
                                                validate27.errors = [{ instancePath: instancePath + "/hooks", schemaPath: "#/properties/hooks/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                                return false;
                                              }
                                            }
                                            var valid0 = _errs36 === errors;
                                          } else {
                                            var valid0 = true;
                                          }
                                          if (valid0) {
                                            if (data.segments !== void 0) {
                                              let data27 = data.segments;
                                              const _errs58 = errors;
                                              if (errors === _errs58) {
                                                if (Array.isArray(data27)) {
                                                  var valid4 = true;
                                                  const len1 = data27.length;
                                                  for (let i1 = 0; i1 < len1; i1++) {
                                                    let data28 = data27[i1];
                                                    const _errs60 = errors;
                                                    const _errs61 = errors;
                                                    if (errors === _errs61) {
                                                      if (data28 && typeof data28 == "object" && !Array.isArray(data28)) {
                                                        if (data28.segmentNumber !== void 0) {
                                                          let data29 = data28.segmentNumber;
                                                          const _errs64 = errors;
                                                          if (!(typeof data29 == "number" && isFinite(data29)) && data29 !== null) {
                                                            validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/segmentNumber", schemaPath: "#/components/schemas/InteractionSegment/properties/segmentNumber/type", keyword: "type", params: { type: schema37.properties.segmentNumber.type }, message: "must be number,null" }];
                                                            return false;
                                                          }
                                                          var valid6 = _errs64 === errors;
                                                        } else {
                                                          var valid6 = true;
                                                        }
                                                        if (valid6) {
                                                          if (data28.segmentCancelled !== void 0) {
                                                            let data30 = data28.segmentCancelled;
                                                            const _errs66 = errors;
                                                            if (typeof data30 !== "boolean" && data30 !== null) {
                                                              validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/segmentCancelled", schemaPath: "#/components/schemas/InteractionSegment/properties/segmentCancelled/type", keyword: "type", params: { type: schema37.properties.segmentCancelled.type }, message: "must be boolean,null" }];
                                                              return false;
                                                            }
                                                            var valid6 = _errs66 === errors;
                                                          } else {
                                                            var valid6 = true;
                                                          }
                                                          if (valid6) {
                                                            if (data28.interactionSegmentId !== void 0) {
                                                              let data31 = data28.interactionSegmentId;
                                                              const _errs68 = errors;
                                                              if (typeof data31 !== "string" && data31 !== null) {
                                                                validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/interactionSegmentId", schemaPath: "#/components/schemas/InteractionSegment/properties/interactionSegmentId/type", keyword: "type", params: { type: schema37.properties.interactionSegmentId.type }, message: "must be string,null" }];
                                                                return false;
                                                              }
                                                              if (errors === _errs68) {
                                                                if (errors === _errs68) {
                                                                  if (typeof data31 === "string") {
                                                                    if (!formats0.test(data31)) {
                                                                      validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/interactionSegmentId", schemaPath: "#/components/schemas/InteractionSegment/properties/interactionSegmentId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                                                                      return false;
                                                                    }
                                                                  }
                                                                }
                                                              }
                                                              var valid6 = _errs68 === errors;
                                                            } else {
                                                              var valid6 = true;
                                                            }
                                                            if (valid6) {
                                                              if (data28.segmentStartType !== void 0) {
                                                                let data32 = data28.segmentStartType;
                                                                const _errs70 = errors;
                                                                if (typeof data32 !== "string" && data32 !== null) {
                                                                  validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/segmentStartType", schemaPath: "#/components/schemas/InteractionSegment/properties/segmentStartType/type", keyword: "type", params: { type: schema37.properties.segmentStartType.type }, message: "must be string,null" }];
                                                                  return false;
                                                                }
                                                                var valid6 = _errs70 === errors;
                                                              } else {
                                                                var valid6 = true;
                                                              }
                                                              if (valid6) {
                                                                if (data28.segmentEndType !== void 0) {
                                                                  let data33 = data28.segmentEndType;
                                                                  const _errs72 = errors;
                                                                  if (typeof data33 !== "string" && data33 !== null) {
                                                                    validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/segmentEndType", schemaPath: "#/components/schemas/InteractionSegment/properties/segmentEndType/type", keyword: "type", params: { type: schema37.properties.segmentEndType.type }, message: "must be string,null" }];
                                                                    return false;
                                                                  }
                                                                  var valid6 = _errs72 === errors;
                                                                } else {
                                                                  var valid6 = true;
                                                                }
                                                                if (valid6) {
                                                                  if (data28.startTimestamp !== void 0) {
                                                                    let data34 = data28.startTimestamp;
                                                                    const _errs74 = errors;
                                                                    if (typeof data34 !== "string" && data34 !== null) {
                                                                      validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/startTimestamp", schemaPath: "#/components/schemas/InteractionSegment/properties/startTimestamp/type", keyword: "type", params: { type: schema37.properties.startTimestamp.type }, message: "must be string,null" }];
                                                                      return false;
                                                                    }
                                                                    if (errors === _errs74) {
                                                                      if (errors === _errs74) {
                                                                        if (typeof data34 === "string") {
                                                                          if (!formats2.test(data34)) {
                                                                            validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/startTimestamp", schemaPath: "#/components/schemas/InteractionSegment/properties/startTimestamp/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                                                                            return false;
                                                                          }
                                                                        }
                                                                      }
                                                                    }
                                                                    var valid6 = _errs74 === errors;
                                                                  } else {
                                                                    var valid6 = true;
                                                                  }
                                                                  if (valid6) {
                                                                    if (data28.endTimestamp !== void 0) {
                                                                      let data35 = data28.endTimestamp;
                                                                      const _errs76 = errors;
                                                                      if (typeof data35 !== "string" && data35 !== null) {
                                                                        validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/endTimestamp", schemaPath: "#/components/schemas/InteractionSegment/properties/endTimestamp/type", keyword: "type", params: { type: schema37.properties.endTimestamp.type }, message: "must be string,null" }];
                                                                        return false;
                                                                      }
                                                                      if (errors === _errs76) {
                                                                        if (errors === _errs76) {
                                                                          if (typeof data35 === "string") {
                                                                            if (!formats2.test(data35)) {
                                                                              validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/endTimestamp", schemaPath: "#/components/schemas/InteractionSegment/properties/endTimestamp/format", keyword: "format", params: { format: "date-time" }, message: 'must match format "date-time"' }];
                                                                              return false;
                                                                            }
                                                                          }
                                                                        }
                                                                      }
                                                                      var valid6 = _errs76 === errors;
                                                                    } else {
                                                                      var valid6 = true;
                                                                    }
                                                                    if (valid6) {
                                                                      if (data28.segmentTime !== void 0) {
                                                                        let data36 = data28.segmentTime;
                                                                        const _errs78 = errors;
                                                                        if (!(typeof data36 == "number" && isFinite(data36)) && data36 !== null) {
                                                                          validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/segmentTime", schemaPath: "#/components/schemas/InteractionSegment/properties/segmentTime/type", keyword: "type", params: { type: schema37.properties.segmentTime.type }, message: "must be number,null" }];
                                                                          return false;
                                                                        }
                                                                        var valid6 = _errs78 === errors;
                                                                      } else {
                                                                        var valid6 = true;
                                                                      }
                                                                      if (valid6) {
                                                                        if (data28.segmentCancelTime !== void 0) {
                                                                          let data37 = data28.segmentCancelTime;
                                                                          const _errs80 = errors;
                                                                          if (!(typeof data37 == "number" && isFinite(data37)) && data37 !== null) {
                                                                            validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/segmentCancelTime", schemaPath: "#/components/schemas/InteractionSegment/properties/segmentCancelTime/type", keyword: "type", params: { type: schema37.properties.segmentCancelTime.type }, message: "must be number,null" }];
                                                                            return false;
                                                                          }
                                                                          var valid6 = _errs80 === errors;
                                                                        } else {
                                                                          var valid6 = true;
                                                                        }
                                                                        if (valid6) {
                                                                          if (data28.segmentToAgentId !== void 0) {
                                                                            let data38 = data28.segmentToAgentId;
                                                                            const _errs82 = errors;
                                                                            if (typeof data38 !== "string" && data38 !== null) {
                                                                              validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/segmentToAgentId", schemaPath: "#/components/schemas/InteractionSegment/properties/segmentToAgentId/type", keyword: "type", params: { type: schema37.properties.segmentToAgentId.type }, message: "must be string,null" }];
                                                                              return false;
                                                                            }
                                                                            if (errors === _errs82) {
                                                                              if (errors === _errs82) {
                                                                                if (typeof data38 === "string") {
                                                                                  if (!formats0.test(data38)) {
                                                                                    validate27.errors = [{ instancePath: instancePath + "/segments/" + i1 + "/segmentToAgentId", schemaPath: "#/components/schemas/InteractionSegment/properties/segmentToAgentId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                                                                                    return false;
                                                                                  }
                                                                                }
                                                                              }
                                                                            }
                                                                            var valid6 = _errs82 === errors;
                                                                          } else {
                                                                            var valid6 = true;
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
                                                        validate27.errors = [{ instancePath: instancePath + "/segments/" + i1, schemaPath: "#/components/schemas/InteractionSegment/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                        return false;
                                                      }
                                                    }
                                                    var valid4 = _errs60 === errors;
                                                    if (!valid4) {
                                                      break;
                                                    }
                                                  }
                                                } else {
                                                  validate27.errors = [{ instancePath: instancePath + "/segments", schemaPath: "#/properties/segments/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                                  return false;
                                                }
                                              }
                                              var valid0 = _errs58 === errors;
                                            } else {
                                              var valid0 = true;
                                            }
                                            if (valid0) {
                                              if (data.queues !== void 0) {
                                                let data39 = data.queues;
                                                const _errs84 = errors;
                                                if (errors === _errs84) {
                                                  if (Array.isArray(data39)) {
                                                    var valid7 = true;
                                                    const len2 = data39.length;
                                                    for (let i2 = 0; i2 < len2; i2++) {
                                                      let data40 = data39[i2];
                                                      const _errs86 = errors;
                                                      const _errs87 = errors;
                                                      if (errors === _errs87) {
                                                        if (data40 && typeof data40 == "object" && !Array.isArray(data40)) {
                                                          if (data40.queueEntryLength !== void 0) {
                                                            let data41 = data40.queueEntryLength;
                                                            const _errs90 = errors;
                                                            if (!(typeof data41 == "number" && isFinite(data41)) && data41 !== null) {
                                                              validate27.errors = [{ instancePath: instancePath + "/queues/" + i2 + "/queueEntryLength", schemaPath: "#/components/schemas/InteractionQueue/properties/queueEntryLength/type", keyword: "type", params: { type: schema38.properties.queueEntryLength.type }, message: "must be number,null" }];
                                                              return false;
                                                            }
                                                            var valid9 = _errs90 === errors;
                                                          } else {
                                                            var valid9 = true;
                                                          }
                                                          if (valid9) {
                                                            if (data40.interactionSegmentId !== void 0) {
                                                              let data42 = data40.interactionSegmentId;
                                                              const _errs92 = errors;
                                                              if (typeof data42 !== "string" && data42 !== null) {
                                                                validate27.errors = [{ instancePath: instancePath + "/queues/" + i2 + "/interactionSegmentId", schemaPath: "#/components/schemas/InteractionQueue/properties/interactionSegmentId/type", keyword: "type", params: { type: schema38.properties.interactionSegmentId.type }, message: "must be string,null" }];
                                                                return false;
                                                              }
                                                              if (errors === _errs92) {
                                                                if (errors === _errs92) {
                                                                  if (typeof data42 === "string") {
                                                                    if (!formats0.test(data42)) {
                                                                      validate27.errors = [{ instancePath: instancePath + "/queues/" + i2 + "/interactionSegmentId", schemaPath: "#/components/schemas/InteractionQueue/properties/interactionSegmentId/format", keyword: "format", params: { format: "uuid" }, message: 'must match format "uuid"' }];
                                                                      return false;
                                                                    }
                                                                  }
                                                                }
                                                              }
                                                              var valid9 = _errs92 === errors;
                                                            } else {
                                                              var valid9 = true;
                                                            }
                                                            if (valid9) {
                                                              if (data40.queueAbandonTime !== void 0) {
                                                                let data43 = data40.queueAbandonTime;
                                                                const _errs94 = errors;
                                                                if (!(typeof data43 == "number" && isFinite(data43)) && data43 !== null) {
                                                                  validate27.errors = [{ instancePath: instancePath + "/queues/" + i2 + "/queueAbandonTime", schemaPath: "#/components/schemas/InteractionQueue/properties/queueAbandonTime/type", keyword: "type", params: { type: schema38.properties.queueAbandonTime.type }, message: "must be number,null" }];
                                                                  return false;
                                                                }
                                                                var valid9 = _errs94 === errors;
                                                              } else {
                                                                var valid9 = true;
                                                              }
                                                              if (valid9) {
                                                                if (data40.platformQueueId !== void 0) {
                                                                  let data44 = data40.platformQueueId;
                                                                  const _errs96 = errors;
                                                                  if (!(typeof data44 == "number" && isFinite(data44)) && data44 !== null) {
                                                                    validate27.errors = [{ instancePath: instancePath + "/queues/" + i2 + "/platformQueueId", schemaPath: "#/components/schemas/InteractionQueue/properties/platformQueueId/type", keyword: "type", params: { type: schema38.properties.platformQueueId.type }, message: "must be number,null" }];
                                                                    return false;
                                                                  }
                                                                  var valid9 = _errs96 === errors;
                                                                } else {
                                                                  var valid9 = true;
                                                                }
                                                              }
                                                            }
                                                          }
                                                        } else {
                                                          validate27.errors = [{ instancePath: instancePath + "/queues/" + i2, schemaPath: "#/components/schemas/InteractionQueue/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
                                                          return false;
                                                        }
                                                      }
                                                      var valid7 = _errs86 === errors;
                                                      if (!valid7) {
                                                        break;
                                                      }
                                                    }
                                                  } else {
                                                    validate27.errors = [{ instancePath: instancePath + "/queues", schemaPath: "#/properties/queues/type", keyword: "type", params: { type: "array" }, message: "must be array" }];
                                                    return false;
                                                  }
                                                }
                                                var valid0 = _errs84 === errors;
                                              } else {
                                                var valid0 = true;
                                              }
                                              if (valid0) {
                                                if (data.details !== void 0) {
                                                  const _errs98 = errors;
                                                  if (!validate24(data.details, { instancePath: instancePath + "/details", parentData: data, parentDataProperty: "details", rootData, dynamicAnchors })) {
                                                    vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
                                                    errors = vErrors.length;
                                                  }
                                                  var valid0 = _errs98 === errors;
                                                } else {
                                                  var valid0 = true;
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
              }
            }
          }
        }
      }
    } else {
      validate27.errors = [{ instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" }];
      return false;
    }
  }
  validate27.errors = vErrors;
  return errors === 0;
}
validate27.evaluated = { "props": true, "dynamicProps": false, "dynamicItems": false };
export {
  validateInteractionRecord
};
