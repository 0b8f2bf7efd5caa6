#!/usr/bin/env -S node --max-semi-space-size=4 --
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key2 of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key2) && key2 !== except)
        __defProp(to, key2, { get: () => from[key2], enumerable: !(desc = __getOwnPropDesc(from, key2)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// ../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/error.js
var require_error = __commonJS({
  "../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/error.js"(exports2) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code2, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code2;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports2.CommanderError = CommanderError2;
    exports2.InvalidArgumentError = InvalidArgumentError2;
  }
});

// ../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/argument.js"(exports2) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports2.Argument = Argument2;
    exports2.humanReadableArgName = humanReadableArgName;
  }
});

// ../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/help.js
var require_help = __commonJS({
  "../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/help.js"(exports2) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b2) => {
            return a.name().localeCompare(b2.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b2) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b2));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str2) {
        return stripColor(str2).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str2) {
        return str2;
      }
      styleUsage(str2) {
        return str2.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleOptionDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleSubcommandDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleArgumentDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleDescriptionText(str2) {
        return str2;
      }
      styleOptionTerm(str2) {
        return this.styleOptionText(str2);
      }
      styleSubcommandTerm(str2) {
        return str2.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str2) {
        return this.styleArgumentText(str2);
      }
      styleOptionText(str2) {
        return str2;
      }
      styleArgumentText(str2) {
        return str2;
      }
      styleSubcommandText(str2) {
        return str2;
      }
      styleCommandText(str2) {
        return str2;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str2) {
        return /\n[^\S\r\n]/.test(str2);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str2, width) {
        if (width < this.minWidthToWrap) return str2;
        const rawLines = str2.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str2) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str2.replace(sgrPattern, "");
    }
    exports2.Help = Help2;
    exports2.stripColor = stripColor;
  }
});

// ../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/option.js
var require_option = __commonJS({
  "../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/option.js"(exports2) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key2) => {
          if (this.positiveOptions.has(key2)) {
            this.dualOptions.add(key2);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str2) {
      return str2.split("-").reduce((str3, word) => {
        return str3 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports2.Option = Option2;
    exports2.DualOptions = DualOptions;
  }
});

// ../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/suggestSimilar.js"(exports2) {
    var maxDistance = 3;
    function editDistance(a, b2) {
      if (Math.abs(a.length - b2.length) > maxDistance)
        return Math.max(a.length, b2.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b2.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b2.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b2[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b2[j - 2] && a[i - 2] === b2[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b2.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b2) => a.localeCompare(b2));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports2.suggestSimilar = suggestSimilar;
  }
});

// ../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/command.js
var require_command = __commonJS({
  "../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/command.js"(exports2) {
    var EventEmitter = require("node:events").EventEmitter;
    var childProcess = require("node:child_process");
    var path10 = require("node:path");
    var fs = require("node:fs");
    var process2 = require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str2) => process2.stdout.write(str2),
          writeErr: (str2) => process2.stderr.write(str2),
          outputError: (str2, write) => write(str2),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str2) => stripColor(str2)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code2, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code2, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def2) => {
            const m = regex.exec(val);
            return m ? m[0] : def2;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key2) {
        if (this._storeOptionsAsProperties) {
          return this[key2];
        }
        return this._optionValues[key2];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key2, value) {
        return this.setOptionValueWithSource(key2, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key2, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key2] = value;
        } else {
          this._optionValues[key2] = value;
        }
        this._optionValueSources[key2] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key2) {
        return this._optionValueSources[key2];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key2) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key2) !== void 0) {
            source = cmd.getOptionValueSource(key2);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path10.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path10.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path10.resolve(
            path10.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path10.basename(
              this._scriptPath,
              path10.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path10.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code2) => {
          code2 = code2 ?? 1;
          if (!exitCallback) {
            process2.exit(code2);
          } else {
            exitCallback(
              new CommanderError2(
                code2,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key2 = this.options[i].attributeName();
            result[key2] = key2 === this._versionOptionName ? this._version : this[key2];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code2 = config.code || "commander.error";
        this._exit(exitCode, code2, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str2, flags, description) {
        if (str2 === void 0) return this._version;
        this._version = str2;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str2}
`);
          this._exit(0, "commander.version", str2);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str2, argsDescription) {
        if (str2 === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str2;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str2) {
        if (str2 === void 0) return this._summary;
        this._summary = str2;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias2) {
        if (alias2 === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias2 === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias2);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias2}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias2);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias2) => this.alias(alias2));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str2) {
        if (str2 === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str2;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str2) {
        if (str2 === void 0) return this._name;
        this._name = str2;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path10.basename(filename, path10.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path11) {
        if (path11 === void 0) return this._executableDir;
        this._executableDir = path11;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str2) => this._outputConfiguration.writeErr(str2);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str2) => this._outputConfiguration.writeOut(str2);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str2) => {
          if (!hasColors) str2 = this._outputConfiguration.stripColor(str2);
          return baseWrite(str2);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports2.Command = Command2;
    exports2.useColor = useColor;
  }
});

// ../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/index.js
var require_commander = __commonJS({
  "../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/index.js"(exports2) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports2.program = new Command2();
    exports2.createCommand = (name) => new Command2(name);
    exports2.createOption = (flags, description) => new Option2(flags, description);
    exports2.createArgument = (name, description) => new Argument2(name, description);
    exports2.Command = Command2;
    exports2.Option = Option2;
    exports2.Argument = Argument2;
    exports2.Help = Help2;
    exports2.CommanderError = CommanderError2;
    exports2.InvalidArgumentError = InvalidArgumentError2;
    exports2.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// ../families/src/index.ts
var SCOPE_INSUFFICIENT, family, get, LIST, REQUIRED, API_FAMILIES, SCOPE_IDS;
var init_src = __esm({
  "../families/src/index.ts"() {
    "use strict";
    SCOPE_INSUFFICIENT = "Bearer token scope insufficient";
    family = (id, label, description, probe, endpoints, extra = {}) => ({
      id,
      label,
      description,
      pathPrefixes: [`/v1/${id}`],
      endpoints,
      paymentRequired: extra.paymentRequired ?? false,
      forbiddenMessage: extra.forbiddenMessage ?? SCOPE_INSUFFICIENT,
      probe
    });
    get = (...paths) => paths.map((path10) => ({ method: "GET", path: path10 }));
    LIST = "a read-only list call asking for one item";
    REQUIRED = "called without its required parameters, so it reads nothing: 400/422 after the scope check means the scope is granted";
    API_FAMILIES = [
      family(
        "events",
        "Events",
        "Search and read events (Events API), incl. event counts and calendars.",
        {
          method: "GET",
          path: "/v1/events/",
          query: { limit: 1 },
          why: `${LIST}; the call PredictHQ documents for checking a token`,
          inferred: false
        },
        get("/v1/events/", "/v1/events/count/"),
        { paymentRequired: true }
      ),
      family(
        "broadcasts",
        "Broadcasts",
        "Televised sports broadcasts and their viewership (Broadcasts API).",
        {
          method: "GET",
          path: "/v1/broadcasts/",
          query: { limit: 1 },
          why: LIST,
          inferred: false
        },
        get("/v1/broadcasts/", "/v1/broadcasts/count/"),
        { paymentRequired: true }
      ),
      family(
        "features",
        "Features",
        "Daily demand features aggregated for a location (Features API).",
        {
          method: "POST",
          path: "/v1/features/",
          body: {},
          why: `a query with an empty body: it asks for no feature and changes nothing (POST is how Features is read); ${REQUIRED}`,
          inferred: true
        },
        [{ method: "POST", path: "/v1/features/", required: { params: ["location"], status: 400 } }],
        { paymentRequired: true }
      ),
      family(
        "places",
        "Places",
        "Look up places and their hierarchies (Places API).",
        {
          method: "GET",
          path: "/v1/places",
          query: { q: "a", limit: 1 },
          why: LIST,
          inferred: false
        },
        get("/v1/places", "/v1/places/hierarchies")
      ),
      family(
        "beam",
        "Beam",
        "Relevancy analysis of events against your demand data (Beam API).",
        {
          method: "GET",
          path: "/v1/beam/analyses",
          query: { limit: 1 },
          why: LIST,
          inferred: false
        },
        get("/v1/beam/analyses", "/v1/beam/analysis-groups")
      ),
      family(
        "forecasts",
        "Forecasts",
        "Demand forecasts built with event features (Forecasts API).",
        {
          method: "GET",
          path: "/v1/forecasts/algos",
          why: "a read-only list of the forecasting algorithms (a few items)",
          inferred: false
        },
        get("/v1/forecasts/algos", "/v1/forecasts/models"),
        { paymentRequired: true }
      ),
      family(
        "loop",
        "Loop",
        "Loop links and submissions of missing or incorrect events (Loop API).",
        {
          method: "GET",
          path: "/v1/loop/settings",
          why: "a read-only read of the organization's Loop settings (one small object)",
          inferred: false
        },
        get("/v1/loop/links", "/v1/loop/settings", "/v1/loop/events")
      ),
      family(
        "saved-locations",
        "Saved Locations",
        "Create and read saved locations (Saved Locations API).",
        {
          method: "GET",
          path: "/v1/saved-locations",
          query: { limit: 1 },
          why: LIST,
          inferred: false
        },
        get("/v1/saved-locations")
      ),
      family(
        "demand-surge",
        "Demand Surge",
        "Dates with unusually high event impact (Demand Surge API).",
        {
          method: "GET",
          path: "/v1/demand-surge/",
          why: REQUIRED,
          inferred: true
        },
        [
          {
            method: "GET",
            path: "/v1/demand-surge/",
            required: { params: ["min_surge_intensity", "date_from"], status: 422 }
          }
        ]
      ),
      family(
        "impact-area",
        "Impact Area",
        "The area around a location where events matter (Impact Area API).",
        {
          method: "GET",
          path: "/v1/impact-area/",
          why: REQUIRED,
          inferred: true
        },
        [{ method: "GET", path: "/v1/impact-area/", required: { params: ["location.origin"], status: 400 } }],
        { forbiddenMessage: "Insufficient permissions" }
      ),
      family(
        "suggested-radius",
        "Suggested Radius",
        "Radius to search around a location (Suggested Radius API).",
        { method: "GET", path: "/v1/suggested-radius/", why: REQUIRED, inferred: true },
        [{ method: "GET", path: "/v1/suggested-radius/", required: { params: ["location.origin"], status: 400 } }],
        { forbiddenMessage: "Insufficient permissions" }
      )
    ];
    SCOPE_IDS = API_FAMILIES.map((f) => f.id);
  }
});

// ../detect/src/types.ts
var init_types = __esm({
  "../detect/src/types.ts"() {
    "use strict";
  }
});

// ../detect/src/lexer/types.ts
function initialState() {
  return { mode: 0, v: -1, depth: 0, frames: [], ext: "", sub: null };
}
var Interp, Seg, SEG_WIDTH;
var init_types2 = __esm({
  "../detect/src/lexer/types.ts"() {
    "use strict";
    Interp = {
      /** Sent as written: Python/JS '...', Java, Go, JSON, single-quoted shell, .ini values. */
      None: 0,
      /** JS/TS template literal outside `${...}` (the lexer already cut the interpolations out). */
      JsTemplate: 1,
      /** Python f-string or a "...".format() string: `{name}` is interpolation, `{{` a literal brace. */
      PyFormat: 2,
      /** Shell double quotes, unquoted shell words, .env values: `$NAME` and `${NAME}` expand. */
      Shell: 3,
      /** Makefile text: `$(NAME)`, `${NAME}` and `$N...` are expanded by make. */
      Make: 4,
      /** Ruby double quotes: `#{...}` cut out by the lexer, `#$NAME` interpolates. */
      Ruby: 5,
      /** PHP double quotes and Kotlin/Groovy/Dart strings: `$name` / `${name}` interpolate. */
      Dollar: 6,
      /** C# `$"..."` strings: `{name}` is cut out, `{{` is a literal brace. */
      CSharp: 7,
      /** YAML values: `${NAME}` / `${{ ... }}` are expanded by compose and CI systems. */
      Yaml: 8,
      /** .http / .rest requests: `{{NAME}}` is a variable of the HTTP client. */
      Http: 9,
      /** Rust strings: `{name}` may be a format argument. */
      Rust: 10,
      /** Text of unknown kind: only `Bearer <placeholder>` is judged. */
      BearerOnly: 11,
      /** PowerShell double quotes: `$NAME`, `${NAME}`, `$env:NAME` expand. */
      PowerShell: 12
    };
    Seg = { Comment: 1, Str: 2, Prose: 3 };
    SEG_WIDTH = 5;
  }
});

// ../detect/src/lexer/clike.ts
function variant(p) {
  return {
    multiline: false,
    escapes: true,
    interp: Interp.None,
    frameOpen: "",
    doubleBrace: false,
    doubledQuote: false,
    formatCheck: false,
    ...p
  };
}
function isIdent(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c === 36;
}
function regexEnd(text, start, i, end) {
  let p = i - 1;
  while (p >= start && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p--;
  if (p >= start) {
    const c = text.charCodeAt(p);
    if (isIdent(c)) {
      if (!REGEX_KEYWORDS.test(text.slice(Math.max(start, p - 7), p + 1))) return -1;
    } else if (!REGEX_PREV.has(c)) return -1;
  }
  let inClass = false;
  for (let j = i + 1; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) return j + 1;
  }
  return -1;
}
function indexInLine(text, needle, from, end) {
  const c0 = needle.charCodeAt(0);
  for (let j = from; j + needle.length <= end; j++)
    if (text.charCodeAt(j) === c0 && text.startsWith(needle, j)) return j;
  return -1;
}
function clikeLexer(spec) {
  const special = new Uint8Array(128);
  const mark = (s, role) => {
    if (s) special[s.charCodeAt(0)] |= role;
  };
  for (const q of spec.quotes) mark(q, QUOTE);
  for (const c of spec.lineComments) mark(c, LINE);
  if (spec.blockComment) mark(spec.blockComment[0], BLOCK);
  if (spec.regexLiterals) mark("/", SLASH);
  if (spec.heredoc) mark("<", HEREDOC_ROLE);
  let framed = false;
  for (const v of spec.variants) if (v.frameOpen) framed = true;
  if (framed) for (const c of "{}()") mark(c, FRAME);
  const heredocRelevant = /* @__PURE__ */ new Map();
  const hex = (c) => "\\x" + c.toString(16).padStart(2, "0");
  const skipAllBut = (stops) => new RegExp(`[^\\n${stops.map(hex).join("")}]*`, "y");
  const specials = (keep) => [...special.keys()].filter((c) => special[c] !== 0 && keep(special[c]));
  const skipCode = skipAllBut(specials((role) => role !== FRAME));
  const skipFramed = skipAllBut(specials(() => true));
  const skipInString = spec.variants.map(
    (v) => skipAllBut([v.close, v.escapes ? "\\" : "", v.frameOpen].filter((x) => x).map((x) => x.charCodeAt(0)))
  );
  const relevantByVariant = spec.variants.map((v) => v.frameOpen ? [v.close, v.frameOpen] : [v.close]);
  const blockClose = spec.blockComment ? [spec.blockComment[1]] : [];
  const lineComments = spec.lineComments;
  const open = spec.open;
  function relevant(s) {
    if (s.frames.length > 0) return null;
    switch (s.mode) {
      case 0:
        return spec.relevantCode;
      case 1:
        return relevantByVariant[s.v] ?? null;
      case 2:
        return blockClose;
      case 3: {
        let r = heredocRelevant.get(s.ext);
        if (!r) heredocRelevant.set(s.ext, r = [s.ext.slice(2)]);
        return r;
      }
      default:
        return null;
    }
  }
  function lexLine(s, text, start, end, segs) {
    let i = start;
    let segStart = start;
    let pendingHeredoc = "";
    if (s.mode === 3) {
      const dash = s.ext[1] === "-";
      let p = start;
      if (dash) while (p < end && text.charCodeAt(p) === 9) p++;
      if (text.slice(p, end) === s.ext.slice(2)) {
        s.mode = 0;
        s.ext = "";
      } else if (segs) segs.push(start, end, Seg.Str, s.ext[0] === "q" ? Interp.None : Interp.Shell, 0);
      return;
    }
    const flags = s.mode === 0 && s.frames.length === 0 && spec.lineFlags ? spec.lineFlags(text, start, end) : 0;
    const codeInterp = spec.codeInterp;
    let codeStart = start;
    while (i < end) {
      if (s.mode === 0) {
        const framesOpen = s.frames.length > 0;
        const skip2 = framesOpen ? skipFramed : skipCode;
        skip2.lastIndex = i;
        skip2.test(text);
        i = skip2.lastIndex;
        if (i >= end) break;
        const c = text.charCodeAt(i);
        const role = special[c];
        let isComment = false;
        if (role & LINE)
          for (const lc of lineComments) {
            if (text.startsWith(lc, i)) {
              if (lc === "#" && spec.hashAtWordStart && i > start) {
                const p = text.charCodeAt(i - 1);
                if (p !== 32 && p !== 9 && p !== 59 && p !== 38 && p !== 124 && p !== 40) break;
              }
              isComment = true;
              break;
            }
          }
        if (isComment) {
          if (segs && codeInterp >= 0 && i > codeStart) segs.push(codeStart, i, Seg.Str, codeInterp, 0);
          if (segs) segs.push(i, end, Seg.Comment, 0, 0);
          codeStart = end;
          break;
        }
        const bc = spec.blockComment;
        if (role & BLOCK && text.startsWith(bc[0], i)) {
          if (segs && codeInterp >= 0 && i > codeStart) segs.push(codeStart, i, Seg.Str, codeInterp, 0);
          const close2 = indexInLine(text, bc[1], i + bc[0].length, end);
          if (close2 >= 0 && close2 + bc[1].length <= end) {
            if (segs) segs.push(i, close2 + bc[1].length, Seg.Comment, 0, 0);
            i = close2 + bc[1].length;
            codeStart = i;
            continue;
          }
          if (segs) segs.push(i, end, Seg.Comment, 0, 0);
          s.mode = 2;
          codeStart = end;
          break;
        }
        if (role & QUOTE) {
          const o = open(text, i, start, flags);
          if (o >= 0) {
            if (segs && codeInterp >= 0 && i > codeStart) segs.push(codeStart, i, Seg.Str, codeInterp, 0);
            s.mode = 1;
            s.v = o >> 2;
            i += o & 3;
            segStart = i;
            continue;
          }
          i++;
          continue;
        }
        if (role & SLASH) {
          const re = regexEnd(text, start, i, end);
          i = re > 0 ? re : i + 1;
          continue;
        }
        if (role & HEREDOC_ROLE && text.charCodeAt(i + 1) === 60 && text.charCodeAt(i + 2) !== 60) {
          HEREDOC.lastIndex = i;
          const m = HEREDOC.exec(text);
          if (m && m.index + m[0].length <= end) {
            pendingHeredoc = (m[2] ? "q" : "u") + (m[1] ? "-" : "_") + m[3];
            i += m[0].length;
            continue;
          }
          i += 2;
          continue;
        }
        if (s.frames.length > 0) {
          const fv = spec.variants[s.frames[s.frames.length - 2]];
          const opener = fv.frameOpen.charCodeAt(fv.frameOpen.length - 1);
          const closer = opener === 40 ? 41 : 125;
          if (c === opener) s.depth++;
          else if (c === closer) {
            if (s.depth === 0) {
              if (segs && codeInterp >= 0 && i > codeStart) segs.push(codeStart, i, Seg.Str, codeInterp, 0);
              s.depth = s.frames.pop();
              s.v = s.frames.pop();
              s.mode = 1;
              i++;
              segStart = i;
              continue;
            }
            s.depth--;
          }
        }
        i++;
        continue;
      }
      if (s.mode === 1) {
        const V = spec.variants[s.v];
        const close0 = V.close.charCodeAt(0);
        const frame0 = V.frameOpen ? V.frameOpen.charCodeAt(0) : -1;
        const escape3 = V.escapes ? 92 : -1;
        const skip2 = skipInString[s.v];
        let j = i;
        let done = false;
        for (; j < end; j++) {
          skip2.lastIndex = j;
          skip2.test(text);
          j = skip2.lastIndex;
          if (j >= end) break;
          const c = text.charCodeAt(j);
          if (c === escape3) {
            j++;
            continue;
          }
          if (c === close0 && text.startsWith(V.close, j)) {
            if (V.doubledQuote && text.charCodeAt(j + 1) === close0) {
              j++;
              continue;
            }
            let interp = V.interp;
            if (V.formatCheck && text.startsWith(".format(", j + V.close.length)) interp = Interp.PyFormat;
            if (segs) segs.push(segStart, j, Seg.Str, interp, 0);
            s.mode = 0;
            s.v = -1;
            i = j + V.close.length;
            codeStart = i;
            done = true;
            break;
          }
          if (c === frame0 && text.startsWith(V.frameOpen, j)) {
            if (V.doubleBrace && text.charCodeAt(j + 1) === 123) {
              j++;
              continue;
            }
            if (segs) segs.push(segStart, j, Seg.Str, V.interp, 0);
            s.frames.push(s.v, s.depth);
            s.depth = 0;
            s.mode = 0;
            s.v = -1;
            i = j + V.frameOpen.length;
            codeStart = i;
            done = true;
            break;
          }
        }
        if (done) continue;
        if (segs) segs.push(segStart, end, Seg.Str, V.interp, 0);
        if (!V.multiline) {
          s.mode = 0;
          s.v = -1;
        }
        codeStart = end;
        break;
      }
      const close = indexInLine(text, spec.blockComment[1], i, end);
      if (close >= 0 && close < end) {
        if (segs) segs.push(i, close + spec.blockComment[1].length, Seg.Comment, 0, 0);
        s.mode = 0;
        i = close + spec.blockComment[1].length;
        codeStart = i;
        continue;
      }
      if (segs) segs.push(i, end, Seg.Comment, 0, 0);
      i = end;
      codeStart = end;
    }
    if (s.mode === 0) {
      if (segs && codeInterp >= 0 && end > codeStart) segs.push(codeStart, end, Seg.Str, codeInterp, 0);
    }
    if (s.mode === 1 && !spec.variants[s.v].multiline) {
      s.mode = 0;
      s.v = -1;
    }
    if (pendingHeredoc && s.mode === 0 && s.frames.length === 0) {
      s.mode = 3;
      s.ext = pendingHeredoc;
    }
  }
  return { relevant, lexLine };
}
var opened, REGEX_PREV, REGEX_KEYWORDS, QUOTE, LINE, BLOCK, SLASH, HEREDOC_ROLE, FRAME, HEREDOC;
var init_clike = __esm({
  "../detect/src/lexer/clike.ts"() {
    "use strict";
    init_types2();
    opened = (variant2, length) => variant2 * 4 + length;
    REGEX_PREV = new Set("(,=:[!&|?{};+-*%<>~^".split("").map((c) => c.charCodeAt(0)));
    REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|in|of|delete|void|throw|new|yield|await|else|do)$/;
    QUOTE = 1;
    LINE = 2;
    BLOCK = 4;
    SLASH = 8;
    HEREDOC_ROLE = 16;
    FRAME = 32;
    HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/y;
  }
});

// ../detect/src/lexer/languages-c.ts
function simple(quotes, variants, rest) {
  const keys = Object.keys(quotes).sort((a, b2) => b2.length - a.length);
  const packed = keys.map((k2) => opened(quotes[k2], k2.length));
  const open = (text, i) => {
    const c = text.charCodeAt(i);
    for (let n = 0; n < keys.length; n++) {
      const k2 = keys[n];
      if (k2.charCodeAt(0) === c && (k2.length === 1 || text.startsWith(k2, i))) return packed[n];
    }
    return -1;
  };
  return clikeLexer({
    lineComments: ["//"],
    hashAtWordStart: false,
    blockComment: ["/*", "*/"],
    variants,
    quotes: [...new Set(keys.map((k2) => k2[0]))].join(""),
    open,
    codeInterp: -1,
    regexLiterals: false,
    heredoc: false,
    ...rest
  });
}
function shellSpec(extra) {
  return {
    lineComments: ["#"],
    hashAtWordStart: true,
    blockComment: null,
    variants: shellVariants,
    quotes: `"'`,
    open: (text, i, _s, flags) => opened(text.charCodeAt(i) === 39 ? 0 : flags === 1 ? 2 : 1, 1),
    codeInterp: Interp.Shell,
    regexLiterals: false,
    heredoc: true,
    relevantCode: ["'", '"', "<<"],
    ...extra
  };
}
var isWord, jsLexer, jsonLexer, javaLexer, dollarLexer, goLexer, phpLexer, rubyLexer, tomlLexer, luaLexer, rLexer, powershellLexer, PY_QUOTES, pyVariants, pythonLexer, csharpLexer, rustLexer, shellVariants, shellLexer, EXEC_FORM, dockerfileLexer, makefileLexer;
var init_languages_c = __esm({
  "../detect/src/lexer/languages-c.ts"() {
    "use strict";
    init_clike();
    init_types2();
    isWord = (c) => c !== void 0 && /[\w$]/.test(c);
    jsLexer = simple(
      { "'": 0, '"': 1, "`": 2 },
      [
        variant({ close: "'" }),
        variant({ close: '"' }),
        variant({ close: "`", multiline: true, interp: Interp.JsTemplate, frameOpen: "${" })
      ],
      { regexLiterals: true, relevantCode: ["`", "/*"] }
    );
    jsonLexer = simple({ '"': 0 }, [variant({ close: '"' })], { relevantCode: ["/*"] });
    javaLexer = simple(
      { '"""': 0, '"': 1, "'": 2 },
      [variant({ close: '"""', multiline: true }), variant({ close: '"' }), variant({ close: "'" })],
      { relevantCode: ['"""', "/*"] }
    );
    dollarLexer = simple(
      { '"""': 0, '"': 1, "'''": 2, "'": 3 },
      [
        variant({ close: '"""', multiline: true, interp: Interp.Dollar, frameOpen: "${" }),
        variant({ close: '"', interp: Interp.Dollar, frameOpen: "${" }),
        variant({ close: "'''", multiline: true }),
        variant({ close: "'" })
      ],
      { relevantCode: ['"""', "'''", "/*"] }
    );
    goLexer = simple(
      { '"': 0, "`": 1, "'": 2 },
      [variant({ close: '"' }), variant({ close: "`", multiline: true, escapes: false }), variant({ close: "'" })],
      { relevantCode: ["`", "/*"] }
    );
    phpLexer = simple(
      { "'": 0, '"': 1 },
      [variant({ close: "'", multiline: true }), variant({ close: '"', multiline: true, interp: Interp.Dollar })],
      { lineComments: ["//", "#"], relevantCode: ["'", '"', "/*"] }
    );
    rubyLexer = simple(
      { "'": 0, '"': 1 },
      [
        variant({ close: "'", multiline: true }),
        variant({ close: '"', multiline: true, interp: Interp.Ruby, frameOpen: "#{" })
      ],
      { lineComments: ["#"], blockComment: null, relevantCode: ["'", '"'] }
    );
    tomlLexer = simple(
      { '"""': 0, "'''": 1, '"': 2, "'": 3 },
      [
        variant({ close: '"""', multiline: true }),
        variant({ close: "'''", multiline: true, escapes: false }),
        variant({ close: '"' }),
        variant({ close: "'", escapes: false })
      ],
      { lineComments: ["#"], blockComment: null, relevantCode: ['"""', "'''"] }
    );
    luaLexer = simple({ "'": 0, '"': 1 }, [variant({ close: "'" }), variant({ close: '"' })], {
      lineComments: ["--"],
      blockComment: null,
      relevantCode: []
    });
    rLexer = simple(
      { "'": 0, '"': 1 },
      [variant({ close: "'", multiline: true }), variant({ close: '"', multiline: true })],
      { lineComments: ["#"], blockComment: null, relevantCode: ["'", '"'] }
    );
    powershellLexer = simple(
      { "'": 0, '"': 1 },
      [
        variant({ close: "'", multiline: true, escapes: false, doubledQuote: true }),
        variant({ close: '"', multiline: true, escapes: false, interp: Interp.PowerShell, frameOpen: "$(" })
      ],
      { lineComments: ["#"], blockComment: ["<#", "#>"], relevantCode: ["'", '"', "<#"] }
    );
    PY_QUOTES = ['"""', "'''", '"', "'"];
    pyVariants = [];
    for (const q of PY_QUOTES) {
      const multiline = q.length === 3;
      pyVariants.push(variant({ close: q, multiline, formatCheck: true }));
      pyVariants.push(variant({ close: q, multiline, escapes: false, formatCheck: true }));
      pyVariants.push(variant({ close: q, multiline, interp: Interp.PyFormat, frameOpen: "{", doubleBrace: true }));
      pyVariants.push(
        variant({ close: q, multiline, escapes: false, interp: Interp.PyFormat, frameOpen: "{", doubleBrace: true })
      );
    }
    pythonLexer = clikeLexer({
      lineComments: ["#"],
      hashAtWordStart: false,
      blockComment: null,
      variants: pyVariants,
      quotes: `"'`,
      open(text, i, lineStart) {
        const q = text.charCodeAt(i);
        const triple = text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q;
        const qi = (triple ? 0 : 2) + (q === 34 ? 0 : 1);
        let p = i;
        let raw = false;
        let f = false;
        while (p > lineStart && i - p < 2) {
          const c = text.charCodeAt(p - 1) | 32;
          if (c === 114) raw = true;
          else if (c === 102) f = true;
          else if (c !== 98 && c !== 117) break;
          p--;
        }
        if (p < i && p > lineStart && isWord(text[p - 1])) {
          raw = false;
          f = false;
        }
        return opened(qi * 4 + (raw ? 1 : 0) + (f ? 2 : 0), triple ? 3 : 1);
      },
      codeInterp: -1,
      regexLiterals: false,
      heredoc: false,
      relevantCode: ['"""', "'''"]
    });
    csharpLexer = clikeLexer({
      lineComments: ["//"],
      hashAtWordStart: false,
      blockComment: ["/*", "*/"],
      variants: [
        variant({ close: '"' }),
        variant({ close: '"', multiline: true, escapes: false, doubledQuote: true }),
        variant({ close: '"', interp: Interp.CSharp, frameOpen: "{", doubleBrace: true }),
        variant({
          close: '"',
          multiline: true,
          escapes: false,
          doubledQuote: true,
          interp: Interp.CSharp,
          frameOpen: "{",
          doubleBrace: true
        }),
        variant({ close: '"""', multiline: true, escapes: false }),
        variant({ close: "'" })
      ],
      quotes: `"'`,
      open(text, i, lineStart) {
        if (text[i] === "'") return opened(5, 1);
        if (text.startsWith('"""', i)) return opened(4, 3);
        const a = i > lineStart ? text[i - 1] : "";
        const b2 = i - 1 > lineStart ? text[i - 2] : "";
        const pre = (b2 === "$" || b2 === "@" ? b2 : "") + (a === "$" || a === "@" ? a : "");
        const v = (pre.includes("$") ? 2 : 0) + (pre.includes("@") ? 1 : 0);
        return opened(v, 1);
      },
      codeInterp: -1,
      regexLiterals: false,
      heredoc: false,
      relevantCode: ['@"', '"""', "/*"]
    });
    rustLexer = clikeLexer({
      lineComments: ["//"],
      hashAtWordStart: false,
      blockComment: ["/*", "*/"],
      variants: [
        variant({ close: '"', multiline: true, interp: Interp.Rust }),
        variant({ close: '"', multiline: true, escapes: false, interp: Interp.Rust }),
        variant({ close: '"#', multiline: true, escapes: false, interp: Interp.Rust }),
        variant({ close: '"##', multiline: true, escapes: false, interp: Interp.Rust }),
        variant({ close: "'" })
      ],
      quotes: `"'`,
      open(text, i, lineStart) {
        if (text[i] === "'") {
          return text[i + 1] === "\\" || text[i + 2] === "'" ? opened(4, 1) : -1;
        }
        let p = i;
        while (p > lineStart && text[p - 1] === "#") p--;
        const hashes = i - p;
        if (p > lineStart && (text[p - 1] === "r" || text[p - 1] === "R")) {
          if (p - 1 > lineStart && /\w/.test(text[p - 2]) && text[p - 2] !== "b") return opened(0, 1);
          return opened(hashes === 0 ? 1 : hashes === 1 ? 2 : 3, 1);
        }
        return opened(0, 1);
      },
      codeInterp: -1,
      regexLiterals: false,
      heredoc: false,
      relevantCode: ['"', "/*"]
    });
    shellVariants = [
      variant({ close: "'", multiline: true, escapes: false }),
      variant({ close: '"', multiline: true, interp: Interp.Shell, frameOpen: "$(" }),
      variant({ close: '"' })
    ];
    shellLexer = clikeLexer(shellSpec({}));
    EXEC_FORM = /\s*(?:RUN|CMD|ENTRYPOINT|SHELL|HEALTHCHECK\s+(?:--\S+\s+)*CMD)\s+\[/iy;
    dockerfileLexer = clikeLexer(
      shellSpec({
        lineFlags(text, start, end) {
          EXEC_FORM.lastIndex = start;
          const m = EXEC_FORM.exec(text);
          return m && m.index + m[0].length <= end ? 1 : 0;
        }
      })
    );
    makefileLexer = clikeLexer({
      ...shellSpec({}),
      variants: [
        variant({ close: "'", multiline: false, escapes: false, interp: Interp.Make }),
        variant({ close: '"', multiline: false, interp: Interp.Make })
      ],
      open: (text, i) => opened(text.charCodeAt(i) === 39 ? 0 : 1, 1),
      codeInterp: Interp.Make,
      heredoc: false,
      relevantCode: []
    });
  }
});

// ../detect/src/lexer/lines.ts
function skipSpaces(text, i, end) {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}
function commentStart(text, i, end, marks) {
  let quote = 0;
  for (let j = i; j < end; j++) {
    const c = text.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (marks.includes(text[j]) && (j === i || text.charCodeAt(j - 1) === 32 || text.charCodeAt(j - 1) === 9))
      return j;
  }
  return end;
}
function configLexer(interp) {
  return {
    relevant: () => NONE,
    lexLine(_s, text, start, end, segs) {
      if (!segs) return;
      const i = skipSpaces(text, start, end);
      if (text.startsWith("#", i) || text.startsWith(";", i) || text.startsWith("!", i)) {
        segs.push(i, end, Seg.Comment, 0, 0);
        return;
      }
      if (text.startsWith("[", i)) return;
      INI_KEY.lastIndex = i;
      const m = INI_KEY.exec(text);
      const v = m && m.index + m[0].length <= end ? i + m[0].length : i;
      if (end > v) segs.push(v, end, Seg.Str, interp, 0);
    }
  };
}
var NONE, BLOCK_OPENERS, plainLexer, httpLexer, KEY, dotenvLexer, INI_KEY, iniLexer, propertiesLexer, YAML_KEY, YAML_LIST, SHELL_KEYS, SHELL_LIST_KEY, YAML_RELEVANT, yamlLexer;
var init_lines = __esm({
  "../detect/src/lexer/lines.ts"() {
    "use strict";
    init_types2();
    NONE = [];
    BLOCK_OPENERS = ["|", ">"];
    plainLexer = {
      relevant: () => NONE,
      lexLine(_s, _text, start, end, segs) {
        if (segs && end > start) segs.push(start, end, Seg.Str, Interp.BearerOnly, 0);
      }
    };
    httpLexer = {
      relevant: () => NONE,
      lexLine(_s, text, start, end, segs) {
        if (!segs) return;
        const i = skipSpaces(text, start, end);
        if (text.startsWith("#", i) || text.startsWith("//", i)) segs.push(i, end, Seg.Comment, 0, 0);
        else if (end > i) segs.push(i, end, Seg.Str, Interp.Http, 0);
      }
    };
    KEY = /(?:export\s+)?[A-Za-z_][\w.-]*\s*=\s*/y;
    dotenvLexer = {
      relevant: () => NONE,
      lexLine(_s, text, start, end, segs) {
        if (!segs) return;
        const i = skipSpaces(text, start, end);
        if (text.startsWith("#", i)) {
          segs.push(i, end, Seg.Comment, 0, 0);
          return;
        }
        KEY.lastIndex = i;
        const m = KEY.exec(text);
        const v = m && m.index + m[0].length <= end ? i + m[0].length : i;
        const q = text[v];
        if (q === "'" || q === '"') {
          const close = text.indexOf(q, v + 1);
          const stop = close >= 0 && close < end ? close : end;
          segs.push(v + 1, stop, Seg.Str, q === "'" ? Interp.None : Interp.Shell, 0);
          const c2 = commentStart(text, stop, end, "#");
          if (c2 < end) segs.push(c2, end, Seg.Comment, 0, 0);
          return;
        }
        const c = commentStart(text, v, end, "#");
        if (c > v) segs.push(v, c, Seg.Str, Interp.Shell, 0);
        if (c < end) segs.push(c, end, Seg.Comment, 0, 0);
      }
    };
    INI_KEY = /[^=:;#[\s][^=:]*?\s*[=:]\s*/y;
    iniLexer = configLexer(Interp.None);
    propertiesLexer = configLexer(Interp.Yaml);
    YAML_KEY = /(?:-\s+)*(?:"[^"]*"|'[^']*'|[^\s#'"{[\]\-?:,][^#:]*?|-[^\s][^#:]*?)\s*:(?=\s|$)/y;
    YAML_LIST = /(?:-\s+)+/y;
    SHELL_KEYS = /^(?:-\s+)*["']?(?:run|script|before_script|after_script|command|commands|entrypoint|cmd|args|shell|pre|post|steps)["']?\s*:$/i;
    SHELL_LIST_KEY = /^(?:-\s+)*(?:run|script|before_script|after_script|command|commands|entrypoint|cmd|args):$/;
    YAML_RELEVANT = [
      ...BLOCK_OPENERS,
      "run:",
      "script:",
      "command:",
      "commands:",
      "entrypoint:",
      "cmd:",
      "args:"
    ];
    yamlLexer = {
      relevant: (s) => s.mode === 5 ? null : YAML_RELEVANT,
      lexLine(s, text, start, end, segs) {
        const i = skipSpaces(text, start, end);
        if (s.mode === 5) {
          const sep = s.ext.indexOf(":");
          const indent = Number(s.ext.slice(0, sep));
          if (i >= end) return;
          if (i - start > indent) {
            if (segs) segs.push(i, end, Seg.Str, Number(s.ext.slice(sep + 1)), 0);
            return;
          }
          s.mode = 0;
          s.ext = "";
        }
        if (i >= end) return;
        if (text.startsWith("#", i)) {
          if (segs) segs.push(i, end, Seg.Comment, 0, 0);
          return;
        }
        if (text.startsWith("---", i) || text.startsWith("...", i)) return;
        YAML_KEY.lastIndex = i;
        const m = YAML_KEY.exec(text);
        let v = i;
        let interp = Interp.Yaml;
        let keyCol = i - start;
        if (m && m.index + m[0].length <= end) {
          v = skipSpaces(text, i + m[0].length, end);
          if (SHELL_KEYS.test(m[0])) interp = Interp.Shell;
          YAML_LIST.lastIndex = i;
          const l = YAML_LIST.exec(text);
          if (l) keyCol += l[0].length;
        } else {
          YAML_LIST.lastIndex = i;
          const l = YAML_LIST.exec(text);
          if (l) v = i + l[0].length;
        }
        const c = text[v];
        if ((v >= end || c === "#") && SHELL_LIST_KEY.test(m ? m[0] : "")) {
          s.mode = 5;
          s.ext = `${keyCol}:${interp}`;
          return;
        }
        if ((c === "|" || c === ">") && /^[|>][-+0-9]*\s*(?:#.*)?$/.test(text.slice(v, end))) {
          s.mode = 5;
          s.ext = `${keyCol}:${interp}`;
          return;
        }
        if (!segs) return;
        const cm = commentStart(text, v, end, "#");
        if (cm > v) segs.push(v, cm, Seg.Str, interp, 0);
        if (cm < end) segs.push(cm, end, Seg.Comment, 0, 0);
      }
    };
  }
});

// ../detect/src/lexer/markdown.ts
function markdownLexer(forFence2, untagged) {
  const inFence = /* @__PURE__ */ new Map();
  return {
    relevant(s) {
      if (s.mode !== 6) return FENCE_OPENERS;
      const info2 = s.ext.slice(s.ext.indexOf("\0") + 1);
      const marker = s.ext.slice(0, s.ext.indexOf("\0"));
      const sub = info2 === AUTO ? [] : s.sub ? forFence2(info2).lexer.relevant(s.sub) : null;
      if (!sub) return null;
      const key2 = `${marker}\0${sub.join("\0")}`;
      let r = inFence.get(key2);
      if (!r) inFence.set(key2, r = [...sub, marker]);
      return r;
    },
    lexLine(s, text, start, end, segs) {
      if (s.mode === 6) {
        const sep = s.ext.indexOf("\0");
        const marker = s.ext.slice(0, sep);
        let i = start;
        while (i < end && i - start < 4 && text.charCodeAt(i) === 32) i++;
        if (text.startsWith(marker, i) && text.slice(i, end).trim().replace(new RegExp(`^\\${marker[0]}+`), "") === "") {
          s.mode = 0;
          s.ext = "";
          s.sub = null;
          return;
        }
        const info2 = s.ext.slice(sep + 1);
        if (info2 === AUTO) {
          if (!segs || !untagged) return;
          const d2 = untagged.guess(text.slice(start, end));
          const from2 = segs.length;
          d2.lexer.lexLine(initialState(), text, start, end, segs);
          for (let k2 = from2; k2 < segs.length; k2 += SEG_WIDTH) segs[k2 + 4] = d2.id;
          return;
        }
        const d = forFence2(info2);
        const from = segs ? segs.length : 0;
        d.lexer.lexLine(s.sub, text, start, end, segs);
        if (segs) for (let k2 = from; k2 < segs.length; k2 += SEG_WIDTH) segs[k2 + 4] = d.id;
        return;
      }
      FENCE.lastIndex = start;
      const m = FENCE.exec(text);
      if (m && m.index + m[0].length <= end) {
        let info2 = m[2].toLowerCase();
        if (info2 === "" && untagged) info2 = untagged.hint(text.slice(Math.max(0, start - HINT_WINDOW), start)) || AUTO;
        s.mode = 6;
        s.ext = `${m[1]}\0${info2}`;
        s.sub = initialState();
        return;
      }
      if (segs && end > start) segs.push(start, end, Seg.Prose, 0, 0);
    }
  };
}
var HINT_WINDOW, FENCE, FENCE_OPENERS, AUTO;
var init_markdown = __esm({
  "../detect/src/lexer/markdown.ts"() {
    "use strict";
    init_types2();
    HINT_WINDOW = 400;
    FENCE = / {0,3}(`{3,}|~{3,})[ \t]*([^\s`{]*)/y;
    FENCE_OPENERS = ["```", "~~~"];
    AUTO = "";
  }
});

// ../detect/src/lexer/rst.ts
function indentOf(text, start, end) {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i === end ? -1 : i - start;
}
function rstLexer(forFence2) {
  return {
    // Inside a block every line matters (its indentation ends it); outside only directive lines.
    relevant: (s) => s.mode === MODE ? null : OPENERS,
    lexLine(s, text, start, end, segs) {
      if (s.mode === MODE) {
        const sep = s.ext.indexOf("\0");
        const base = Number(s.ext.slice(0, sep));
        const indent = indentOf(text, start, end);
        if (indent === -1) return;
        if (indent > base) {
          const d = forFence2(s.ext.slice(sep + 1));
          const from = segs ? segs.length : 0;
          d.lexer.lexLine(s.sub, text, start, end, segs);
          if (segs) for (let k2 = from; k2 < segs.length; k2 += SEG_WIDTH) segs[k2 + 4] = d.id;
          return;
        }
        s.mode = 0;
        s.ext = "";
        s.sub = null;
      }
      DIRECTIVE.lastIndex = start;
      let m = DIRECTIVE.exec(text);
      if (!(m && m.index + m[0].length <= end)) {
        LITERAL.lastIndex = start;
        const lit = LITERAL.exec(text.slice(0, end));
        m = lit && lit.index === start ? lit : null;
        if (m) m = Object.assign([m[0], m[1], "plaintext"], { index: m.index, input: m.input });
      }
      if (m) {
        s.mode = MODE;
        s.ext = `${m[1].replace(/\t/g, "    ").length}\0${(m[2] || "plaintext").toLowerCase()}`;
        s.sub = initialState();
        return;
      }
      if (segs && end > start) segs.push(start, end, Seg.Prose, 0, 0);
    }
  };
}
var DIRECTIVE, LITERAL, OPENERS, MODE;
var init_rst = __esm({
  "../detect/src/lexer/rst.ts"() {
    "use strict";
    init_types2();
    DIRECTIVE = /([ \t]*)\.\.[ \t]+(?:code-block|code|sourcecode)::[ \t]*([\w+#.-]*)/y;
    LITERAL = /([ \t]*)\S.*::[ \t]*$/y;
    OPENERS = ["::"];
    MODE = 7;
  }
});

// ../detect/src/lexer/untagged.ts
function guessLine(line) {
  const t = line.trimStart();
  if (/^(?:export\s+)?[A-Za-z_]\w*=/.test(t)) return "dotenv";
  if (/^(?:\$\s+)?(?:curl|wget|http|export|npm|npx|pnpm|yarn|vercel|netlify|heroku|flyctl|gh|docker|python3?|pip|node|set|setx)\s/.test(
    t
  ))
    return "shellscript";
  if (/^\[[\w. "-]+\]\s*$/.test(t)) return "toml";
  if (/^[\w.-]+\s*=\s*(["'])[^"']*\1\s*(?:#.*)?$/.test(t)) return "toml";
  if (/^[\w.-]+\s*=\s*[^\s"'(){}[\],;]+\s*$/.test(t)) return "ini";
  if (/^\{?\s*"[\w.-]+"\s*:/.test(t)) return "json";
  if (/^(?:-\s+)?[a-z_][\w.-]*:(?:\s|$)/.test(t)) return "yaml";
  return "plaintext";
}
function namedFile(text) {
  let last = "";
  FILE.lastIndex = 0;
  for (let m = FILE.exec(text); m; m = FILE.exec(text)) last = m[1];
  return last;
}
var FILE;
var init_untagged = __esm({
  "../detect/src/lexer/untagged.ts"() {
    "use strict";
    FILE = /(?:^|[\s`'"(/])((?:[\w.-]*\/)*[\w-]*\.(?:env(?:\.[\w-]+)*|toml|conf))(?=$|[\s`'"),:;]|\.(?:\s|$))/gm;
  }
});

// ../detect/src/languages.ts
function languageFromFileName(name) {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1).toLowerCase();
  const exact = BY_BASENAME[base];
  if (exact) return exact;
  if (base === ".env" || base.startsWith(".env.") || base.endsWith(".env")) return "dotenv";
  if (/^\.?env[._-]?(?:example|sample|template|tpl|dist)\.txt$/.test(base)) return "dotenv";
  if (base.startsWith("dockerfile.") || base.endsWith(".dockerfile")) return "dockerfile";
  const dot = base.lastIndexOf(".");
  if (dot < 0) return void 0;
  return BY_EXTENSION[base.slice(dot + 1)];
}
var BY_BASENAME, BY_EXTENSION;
var init_languages = __esm({
  "../detect/src/languages.ts"() {
    "use strict";
    BY_BASENAME = {
      dockerfile: "dockerfile",
      containerfile: "dockerfile",
      makefile: "makefile",
      gnumakefile: "makefile",
      "predicthq.conf": "ini",
      jenkinsfile: "groovy",
      gemfile: "ruby",
      rakefile: "ruby",
      ".bashrc": "shellscript",
      ".zshrc": "shellscript",
      ".profile": "shellscript",
      ".bash_profile": "shellscript",
      ".npmrc": "ini",
      ".pypirc": "ini"
    };
    BY_EXTENSION = {
      py: "python",
      pyi: "python",
      pyw: "python",
      ipynb: "json",
      js: "javascript",
      mjs: "javascript",
      cjs: "javascript",
      jsx: "javascriptreact",
      ts: "typescript",
      mts: "typescript",
      cts: "typescript",
      tsx: "typescriptreact",
      vue: "vue",
      svelte: "svelte",
      html: "html",
      htm: "html",
      java: "java",
      kt: "kotlin",
      kts: "kotlin",
      groovy: "groovy",
      gradle: "groovy",
      scala: "scala",
      go: "go",
      rb: "ruby",
      php: "php",
      cs: "csharp",
      rs: "rust",
      swift: "swift",
      dart: "dart",
      c: "c",
      h: "c",
      cc: "cpp",
      cpp: "cpp",
      cxx: "cpp",
      hpp: "cpp",
      lua: "lua",
      r: "r",
      sh: "shellscript",
      bash: "shellscript",
      zsh: "shellscript",
      ksh: "shellscript",
      ps1: "powershell",
      psm1: "powershell",
      json: "json",
      jsonc: "jsonc",
      json5: "jsonc",
      yaml: "yaml",
      yml: "yaml",
      toml: "toml",
      ini: "ini",
      cfg: "ini",
      conf: "ini",
      properties: "properties",
      env: "dotenv",
      md: "markdown",
      rst: "restructuredtext",
      markdown: "markdown",
      mdx: "markdown",
      http: "http",
      rest: "http",
      dockerfile: "dockerfile",
      mk: "makefile",
      txt: "plaintext"
    };
  }
});

// ../detect/src/dialects.ts
function def(languageIds, label, lexer, markdown = false) {
  const d = { id: byId.length + 1, languageId: languageIds[0], label, lexer, markdown };
  byId.push(d);
  for (const l of languageIds) byLanguage.set(l, d);
  return d;
}
function alias(languageId, of, label) {
  const base = byLanguage.get(of);
  def([languageId], label ?? base.label, base.lexer, base.markdown);
}
function forFence(info2) {
  const d = byLanguage.get(FENCE_ALIASES[info2] ?? info2);
  return d && !d.markdown ? d : plain;
}
function dialectById(id) {
  return byId[id - 1] ?? plain;
}
function dialectFor(languageId, fileName) {
  const fromName = fileName ? languageFromFileName(fileName) : void 0;
  if (fromName && (fromName === "dotenv" || fromName === "dockerfile" || fromName === "makefile"))
    return byLanguage.get(fromName);
  if (fileName && /(?:^|[\\/])predicthq\.conf$/i.test(fileName)) return byLanguage.get("ini");
  return byLanguage.get(languageId) ?? (fromName ? byLanguage.get(fromName) : void 0) ?? plain;
}
var byId, byLanguage, plain, HINTED, FENCE_ALIASES;
var init_dialects = __esm({
  "../detect/src/dialects.ts"() {
    "use strict";
    init_languages_c();
    init_lines();
    init_markdown();
    init_rst();
    init_untagged();
    init_languages();
    byId = [];
    byLanguage = /* @__PURE__ */ new Map();
    def(["javascript"], "JavaScript", jsLexer);
    alias("typescript", "javascript", "TypeScript");
    alias("javascriptreact", "javascript");
    alias("typescriptreact", "javascript", "TypeScript");
    alias("vue", "javascript", "Vue");
    alias("svelte", "javascript", "Svelte");
    alias("html", "javascript", "HTML");
    def(["python"], "Python", pythonLexer);
    def(["java"], "Java", javaLexer);
    alias("c", "java", "C");
    alias("cpp", "java", "C++");
    alias("scala", "java", "Scala");
    alias("swift", "java", "Swift");
    def(["kotlin"], "Kotlin", dollarLexer);
    alias("groovy", "kotlin", "Groovy");
    alias("dart", "kotlin", "Dart");
    def(["go"], "Go", goLexer);
    def(["csharp"], "C#", csharpLexer);
    def(["rust"], "Rust", rustLexer);
    def(["ruby"], "Ruby", rubyLexer);
    def(["php"], "PHP", phpLexer);
    def(["lua"], "Lua", luaLexer);
    def(["r"], "R", rLexer);
    def(["powershell"], "PowerShell", powershellLexer);
    def(["shellscript", "bash", "sh", "zsh"], "shell", shellLexer);
    def(["dockerfile"], "Dockerfile", dockerfileLexer);
    def(["makefile"], "Makefile", makefileLexer);
    def(["json", "jsonc", "json5", "jsonl"], "JSON", jsonLexer);
    def(["toml"], "TOML", tomlLexer);
    def(["yaml", "yml"], "YAML", yamlLexer);
    def(["dotenv", "env"], ".env", dotenvLexer);
    def(["ini", "conf"], "config", iniLexer);
    def(["properties"], "config", propertiesLexer);
    def(["http", "rest"], "HTTP request", httpLexer);
    plain = def(["plaintext"], "text", plainLexer);
    def(
      ["markdown", "mdx"],
      "Markdown",
      markdownLexer(forFence, {
        guess: (line) => byLanguage.get(guessLine(line)),
        hint: (text) => {
          const f = namedFile(text);
          const lang = f ? languageFromFileName(f) : void 0;
          return lang && HINTED.has(lang) ? lang : "";
        }
      }),
      true
    );
    def(["restructuredtext", "rst"], "reStructuredText", rstLexer(forFence), true);
    HINTED = /* @__PURE__ */ new Set(["dotenv", "toml", "ini"]);
    FENCE_ALIASES = {
      py: "python",
      python3: "python",
      js: "javascript",
      node: "javascript",
      ts: "typescript",
      jsx: "javascriptreact",
      tsx: "typescriptreact",
      sh: "shellscript",
      bash: "shellscript",
      shell: "shellscript",
      zsh: "shellscript",
      console: "shellscript",
      "shell-session": "shellscript",
      terminal: "shellscript",
      curl: "shellscript",
      rb: "ruby",
      golang: "go",
      cs: "csharp",
      "c#": "csharp",
      rs: "rust",
      kt: "kotlin",
      docker: "dockerfile",
      make: "makefile",
      ps1: "powershell",
      pwsh: "powershell",
      yml: "yaml",
      env: "dotenv",
      cfg: "ini",
      conf: "ini",
      rest: "http",
      text: "plaintext",
      txt: "plaintext",
      "": "plaintext"
    };
  }
});

// ../detect/src/env-reference.ts
function envReference(languageId, varName) {
  const idiom = IDIOMS[languageId];
  return idiom ? idiom(varName) : `$${varName}`;
}
var IDIOMS;
var init_env_reference = __esm({
  "../detect/src/env-reference.ts"() {
    "use strict";
    IDIOMS = {
      javascript: (n) => `process.env.${n}`,
      javascriptreact: (n) => `process.env.${n}`,
      typescript: (n) => `process.env.${n}`,
      typescriptreact: (n) => `process.env.${n}`,
      vue: (n) => `process.env.${n}`,
      svelte: (n) => `process.env.${n}`,
      python: (n) => `os.environ["${n}"]`,
      ruby: (n) => `ENV["${n}"]`,
      go: (n) => `os.Getenv("${n}")`,
      java: (n) => `System.getenv("${n}")`,
      kotlin: (n) => `System.getenv("${n}")`,
      scala: (n) => `sys.env("${n}")`,
      groovy: (n) => `System.getenv("${n}")`,
      php: (n) => `getenv('${n}')`,
      csharp: (n) => `Environment.GetEnvironmentVariable("${n}")`,
      rust: (n) => `std::env::var("${n}")`,
      swift: (n) => `ProcessInfo.processInfo.environment["${n}"]`,
      dart: (n) => `Platform.environment['${n}']`,
      c: (n) => `getenv("${n}")`,
      cpp: (n) => `std::getenv("${n}")`,
      lua: (n) => `os.getenv("${n}")`,
      r: (n) => `Sys.getenv("${n}")`,
      powershell: (n) => `$env:${n}`,
      shellscript: (n) => `$${n}`,
      dockerfile: (n) => `$${n}`,
      makefile: (n) => `$(${n})`,
      dotenv: (n) => `\${${n}}`,
      yaml: (n) => `\${${n}}`,
      http: (n) => `{{${n}}}`
    };
  }
});

// ../detect/src/rules/suppress.ts
function directive(lineText, nextLine) {
  let at = lineText.indexOf("phq-ignore");
  while (at >= 0) {
    const isNext = lineText.startsWith("-next-line", at + 10);
    if (isNext === nextLine) {
      const rest = lineText.slice(at + (isNext ? 20 : 10));
      const names = rest.match(NAMES);
      return names ? new Set(names) : true;
    }
    at = lineText.indexOf("phq-ignore", at + 10);
  }
  return null;
}
function suppressionFor(text, ls, le) {
  const lineText = text.slice(ls, le);
  const same = lineText.includes("phq-ignore") ? directive(lineText, false) : null;
  let prev = null;
  if (ls > 0) {
    const prevText = text.slice(text.lastIndexOf("\n", ls - 2) + 1, ls - 1);
    if (prevText.includes("phq-ignore-next-line")) prev = directive(prevText, true);
  }
  if (same === true || prev === true) return true;
  if (same && prev) return /* @__PURE__ */ new Set([...same, ...prev]);
  return same ?? prev;
}
function isSuppressed(s, ruleId, kind) {
  if (s === null) return false;
  return s === true || s.has(ruleId) || s.has(kind);
}
var NAMES;
var init_suppress = __esm({
  "../detect/src/rules/suppress.ts"() {
    "use strict";
    NAMES = /(?:phq\/[\w-]+|placeholder|hardcoded-token|known-token|browser-exposure|endpoint)\b/g;
  }
});

// ../detect/src/rules/line.ts
function detach(s) {
  return s.length < 13 ? s : (" " + s).slice(1);
}
function code(s, i) {
  return i >= 0 && i < s.length ? s.charCodeAt(i) : -1;
}
function segAt(segs, at) {
  let lo = 0;
  let hi = segs.length / SEG_WIDTH - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const k2 = mid * SEG_WIDTH;
    if (at < segs[k2]) hi = mid - 1;
    else if (at >= segs[k2 + 1]) lo = mid + 1;
    else return k2;
  }
  return -1;
}
function dialectOf(lc, k2) {
  const id = k2 >= 0 ? lc.segs[k2 + 4] : 0;
  return id ? dialectById(id) : lc.ctx.dialect;
}
function push(lc, kind, ruleId, start, end, match, message, d, extra, envVar = lc.ctx.envVar) {
  if (isSuppressed(lc.sup, ruleId, kind)) return null;
  const sev = lc.ctx.severities[ruleId] ?? lc.ctx.severities[kind] ?? lc.defaults.get(ruleId);
  if (sev === void 0) throw new Error(`${ruleId} reported a finding but is not in the rule list`);
  if (sev === "off") return null;
  const col = start - lc.ls;
  const line = lc.line();
  const data = { language: d.languageId, envVar, envReference: envReference(d.languageId, envVar), ...extra };
  if (data.placeholder !== void 0) data.placeholder = detach(data.placeholder);
  if (data.family !== void 0) data.family = detach(data.family);
  data.envVar = detach(data.envVar);
  const f = {
    kind,
    ruleId,
    range: { start: { line, character: col }, end: { line, character: col + end - start } },
    offset: lc.base + start,
    length: end - start,
    severity: sev,
    match: detach(match),
    message: detach(message),
    data
  };
  lc.out.push(f);
  return f;
}
function nameAround(lt, at, length) {
  let a = at;
  while (a > 0 && isNameChar(lt.charCodeAt(a - 1))) a--;
  let p = at + length;
  while (p < lt.length && isNameChar(lt.charCodeAt(p))) p++;
  return [a, p];
}
function isNameChar(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c === 36 || c === 46 || c === 45;
}
function assignedAt(lt, p) {
  const c0 = code(lt, p);
  if (c0 === 92 && (code(lt, p + 1) === 34 || code(lt, p + 1) === 39))
    p += 2;
  else if (c0 === 34 || c0 === 39 || c0 === 96) p++;
  if (code(lt, p) === 93) p++;
  while (code(lt, p) === 32 || code(lt, p) === 9) p++;
  const c = code(lt, p);
  if (c === 58)
    p += code(lt, p + 1) === 61 ? 2 : 1;
  else if (c === 61) {
    const n = code(lt, p + 1);
    if (n === 61) return -1;
    p += n === 62 ? 2 : 1;
  } else if (c === 43 && code(lt, p + 1) === 61) p += 2;
  else return -1;
  while (code(lt, p) === 32 || code(lt, p) === 9) p++;
  return p < lt.length ? p : -1;
}
function holdsCode(lc, k2) {
  if (k2 < 0) return false;
  const s = lc.segs[k2];
  const e = lc.segs[k2 + 1];
  if (e - s < 200) return false;
  const first = lc.text.indexOf("\\n", s);
  if (first < 0 || first >= e) return false;
  const second = lc.text.indexOf("\\n", first + 2);
  return second >= 0 && second < e;
}
var init_line = __esm({
  "../detect/src/rules/line.ts"() {
    "use strict";
    init_dialects();
    init_env_reference();
    init_types2();
    init_suppress();
  }
});

// ../detect/src/rules/messages.ts
function sentAsIs(d, interp, placeholder) {
  const dollar = placeholder.startsWith("$");
  switch (interp) {
    case Interp.JsTemplate:
      return "a template literal sends it as written (only ${...} is interpolated)";
    case Interp.PyFormat:
      return d.languageId === "python" ? "an f-string sends it as written (only {name} is interpolated)" : `this ${d.label} string sends it as written`;
    case Interp.Shell:
      return dollar ? "this form is not expanded here" : `this ${d.label} text is used as written (only $NAME is expanded)`;
    case Interp.Yaml:
      return "this YAML value is used as written";
    case Interp.Http:
      return "this request sends it as written (a variable is written {{NAME}})";
    case Interp.BearerOnly:
      return 'it follows "Bearer " and would be sent as written';
    case Interp.None:
      if (SHELLISH.has(d.languageId)) return "single quotes stop the shell from expanding it";
      if (d.languageId === "dockerfile") return "exec-form JSON arrays are not expanded by a shell";
      if (d.languageId === "ini" || d.languageId === "properties" || d.languageId === "json" || d.languageId === "toml")
        return `this ${d.label} value is used as written`;
      return `a ${d.label} string literal sends it as written`;
    default:
      return `this ${d.label} string sends it as written`;
  }
}
function placeholderMessage(ph, why, ref, docs) {
  const lead = docs ? `Example uses the placeholder "${ph}"` : `Unfilled token placeholder "${ph}"`;
  return `${lead}: ${why}, so the API receives the literal text and answers 401. Use ${ref} or one of your tokens.`;
}
function hardcodedMessage(masked, ref) {
  return `Hardcoded API token (${masked}): anyone who can read this file can use it. Read it from ${ref} and keep the value in a secret store.`;
}
function secretMessage(masked, name) {
  const where = name ? ` in ${name}` : "";
  return `Hardcoded secret (${masked})${where}: anyone who can read this file can use it. Read it from an environment variable and keep the value in a secret store.`;
}
function templateMessage(value) {
  return `Template value "${value}" for the API token: expected in a template. Put the real token only in the copy that is used (not committed), or in a secret store.`;
}
function knownMessage(name, ref) {
  return `Your API token "${name}" is written in this file. Read it from ${ref} instead, and rotate the token if the file was shared.`;
}
function browserMessage(variable, prefix) {
  return `${variable} is shipped to the browser (${prefix} variables are bundled into client code), so every visitor gets the token. Call PredictHQ from server code instead.`;
}
function endpointMessage(family2) {
  return `Calls the PredictHQ ${family2} API (/v1/${family2}/): the token needs the "${family2}" scope.`;
}
function dummyMessage(value, why, ref, docs) {
  const lead = docs ? `Example sends "${value}" as the API token` : `"${value}" is sent as the API token`;
  return `${lead}, but ${why}, so PredictHQ answers 401. Use ${ref} or one of your tokens.`;
}
var SHELLISH;
var init_messages = __esm({
  "../detect/src/rules/messages.ts"() {
    "use strict";
    init_types2();
    SHELLISH = /* @__PURE__ */ new Set(["shellscript", "dockerfile", "makefile", "dotenv"]);
  }
});

// ../detect/src/rules/patterns.ts
var NAME, YOUR, SIGIL_PLACEHOLDER, YOUR_PLACEHOLDER, BEARER_NAME, SDK_FAKE_TOKEN, BEARER_VALUE, TOKEN_NAME_WORD, NOT_A_TOKEN_NAME, BROWSER_VAR, FAMILIES, ENDPOINT, TOKEN_RUN;
var init_patterns = __esm({
  "../detect/src/rules/patterns.ts"() {
    "use strict";
    init_src();
    NAME = String.raw`(?:PHQ_|PREDICTHQ_)?(?:API_|ACCESS_|OAUTH2_ACCESS_)?TOKEN|(?:PHQ_|PREDICTHQ_)API_KEY`;
    YOUR = String.raw`(?:YOUR|REPLACE_WITH_YOUR|INSERT_YOUR|ENTER_YOUR|PUT_YOUR)[_-](?:PREDICTHQ[_-]|PHQ[_-])?(?:API[_-]|ACCESS[_-])?(?:TOKEN|KEY)`;
    SIGIL_PLACEHOLDER = new RegExp(
      String.raw`\$\{(?:${NAME})\}|\$(?:${NAME})(?![\w])|\{(?:${NAME})\}|\[(?:${NAME})\]|<(?:${NAME})>`,
      "gi"
    );
    YOUR_PLACEHOLDER = new RegExp(String.raw`\b${YOUR}(?![\w-])`, "gi");
    BEARER_NAME = new RegExp(String.raw`\bBearer\s+(${NAME})(?![\w$-])(?![ \t]+[A-Za-z(])`, "gi");
    SDK_FAKE_TOKEN = "Acc3sS-t0keN";
    BEARER_VALUE = /\bBearer\s+([A-Za-z0-9_\-.~+/]+=*)/gi;
    TOKEN_NAME_WORD = /token|api[_-]?key|apikey/gi;
    NOT_A_TOKEN_NAME = /tokeni[sz]|(?:token|key)[_.-]?(?:type|url|uri|endpoint|ttl|expir\w*|expires?\w*|count|len\w*|limit|file|path|name|id|ids|header|prefix|kind|usage|index|size|max|min)$/i;
    BROWSER_VAR = /(?<![\w$])(NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_)(\w+)/g;
    FAMILIES = SCOPE_IDS;
    ENDPOINT = new RegExp(String.raw`/v1/(${FAMILIES.join("|")})(?![\w-])/?`, "g");
    TOKEN_RUN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{16,256}(?![A-Za-z0-9_-])/g;
  }
});

// ../detect/src/rules/browser-exposure.ts
var HAS_PHQ, SECRETISH, browserExposureRule;
var init_browser_exposure = __esm({
  "../detect/src/rules/browser-exposure.ts"() {
    "use strict";
    init_types2();
    init_line();
    init_messages();
    init_patterns();
    HAS_PHQ = /PHQ|PREDICTHQ/i;
    SECRETISH = /TOKEN|KEY/i;
    browserExposureRule = {
      id: "phq/browser-exposure",
      kind: "browser-exposure",
      severity: "warning",
      sarif: {
        name: "BrowserExposure",
        short: "Token in a browser-exposed variable",
        full: "A NEXT_PUBLIC_, VITE_, REACT_APP_ or EXPO_PUBLIC_ variable is bundled into client code, so every visitor gets the token."
      },
      docs: "browser-exposure",
      runsIn: "engine",
      triggers: ["ken"],
      prefilter: /(?:_PUBLIC_|VITE_|REACT_APP_)\w*(?:TOKEN|KEY)/,
      judge(lc, lt) {
        const re = BROWSER_VAR;
        re.lastIndex = 0;
        for (let m = re.exec(lt); m; m = re.exec(lt)) {
          const rest = m[2];
          if (!HAS_PHQ.test(rest) || !SECRETISH.test(rest)) continue;
          const s = lc.ls + m.index;
          const k2 = segAt(lc.segs, s);
          const kind = k2 >= 0 ? lc.segs[k2 + 2] : 0;
          if (kind === Seg.Comment || kind === Seg.Prose && !lc.ctx.prose) continue;
          const d = dialectOf(lc, k2);
          push(
            lc,
            "browser-exposure",
            "phq/browser-exposure",
            s,
            s + m[0].length,
            m[0],
            browserMessage(m[0], m[1]),
            d,
            {},
            rest
          );
        }
      },
      fixtures: [
        { text: "NEXT_PUBLIC_PHQ_API_TOKEN=abc", options: { languageId: "dotenv", fileName: ".env" } },
        { text: "const t = import.meta.env.VITE_PREDICTHQ_KEY;", options: { languageId: "typescript" } }
      ]
    };
  }
});

// ../detect/src/rules/sink-names.ts
function mentionsPhq(text) {
  for (const q of Q) {
    for (let i = text.indexOf(q, 2); i >= 0; i = text.indexOf(q, i + 1)) {
      if ((text.charCodeAt(i - 1) | 32) !== 104) continue;
      PREDICT_AT.lastIndex = i - 8;
      if (i >= 8 && PREDICT_AT.test(text)) return true;
      PHQ_AT.lastIndex = i - 2;
      if (PHQ_AT.test(text)) return true;
    }
  }
  return false;
}
function aboutPhq(lc) {
  return lc.ctx.phqDoc ??= mentionsPhq(lc.text);
}
function classify(name) {
  if (PHQ_WORD.test(name.replace(/([a-z0-9])([A-Z])/g, "$1_$2"))) return "phq";
  const last = name.slice(name.lastIndexOf(".") + 1).replace(/^[$@-]+/, "");
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[_\-$]+/).filter((w) => w !== "");
  if (words.length === 0) return null;
  for (const w of words) if (!GENERIC.has(w)) return null;
  return words.some((w) => w.includes("token") || w.includes("key")) ? "generic" : null;
}
function nameClass(name) {
  let c = nameCache.get(name);
  if (c === void 0) {
    if (nameCache.size > 5e3) nameCache.clear();
    nameCache.set(name, c = classify(name));
  }
  return c;
}
var PHQ_WORD, PREDICT_AT, PHQ_AT, Q, GENERIC, nameCache;
var init_sink_names = __esm({
  "../detect/src/rules/sink-names.ts"() {
    "use strict";
    PHQ_WORD = /predicthq|(?<![a-z0-9])phq(?![a-z0-9])/i;
    PREDICT_AT = /predict/iy;
    PHQ_AT = /(?<![a-z0-9])p(?=hq(?![a-z0-9]))/iy;
    Q = ["q", "Q"];
    GENERIC = /* @__PURE__ */ new Set([
      "api",
      "access",
      "auth",
      "bearer",
      "token",
      "tokens",
      "key",
      "apikey",
      "apitoken",
      "accesstoken",
      "authtoken",
      "oauth",
      "oauth2",
      "my",
      "your",
      "the",
      "default",
      "x",
      "value"
    ]);
    nameCache = /* @__PURE__ */ new Map();
  }
});

// ../detect/src/rules/shell-strings.ts
function holdsShell(lc, k2) {
  if (lc.segs[k2 + 3] !== Interp.None || lc.segs[k2 + 4] !== 0) return false;
  if (lc.ctx.shellStrings) return true;
  const lang = lc.ctx.dialect.languageId;
  if (lang !== "json" && lang !== "jsonc") return false;
  const s = lc.segs[k2];
  if (lc.text.startsWith("Bash(", s)) return true;
  return COMMAND_KEY.test(lc.text.slice(Math.max(lc.ls, s - 40), s - 1));
}
var COMMAND_KEY;
var init_shell_strings = __esm({
  "../detect/src/rules/shell-strings.ts"() {
    "use strict";
    init_types2();
    COMMAND_KEY = /"(?:command|cmd|script|shell|postCreateCommand|postStartCommand|preLaunchTask)"\s*:\s*$/;
  }
});

// ../detect/src/rules/templates.ts
function isTemplate(fileName, languageId) {
  if (!fileName || !CONFIG_DIALECTS.has(languageId)) return false;
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  return TEMPLATE_NAME.test(base);
}
function lowerInTemplates(lc, f) {
  if (!lc.ctx.template || f.kind !== "placeholder" || lc.ctx.severities[f.kind] !== void 0) return;
  f.severity = TEMPLATE_SEVERITY;
  f.message = templateMessage(f.match);
}
var TEMPLATE_NAME, CONFIG_DIALECTS, TEMPLATE_SEVERITY;
var init_templates = __esm({
  "../detect/src/rules/templates.ts"() {
    "use strict";
    init_messages();
    TEMPLATE_NAME = /(?:^|[._-])(?:examples?|samples?|templates?|tpl|dist|skel(?:eton)?)(?:[._-][^\\/]*)?$|^(?:examples?|samples?|templates?)[._-]/i;
    CONFIG_DIALECTS = /* @__PURE__ */ new Set(["dotenv", "ini", "properties", "yaml", "toml", "json", "plaintext"]);
    TEMPLATE_SEVERITY = "info";
  }
});

// ../detect/src/rules/test-paths.ts
function isTestPath(fileName) {
  return fileName !== void 0 && TEST_PATH.test(fileName);
}
function lowerInTests(lc, f) {
  if (lc.ctx.testCode && f.kind === "placeholder" && lc.ctx.severities[f.kind] === void 0)
    f.severity = TEST_SEVERITY;
}
var TEST_PATH, TEST_SEVERITY;
var init_test_paths = __esm({
  "../detect/src/rules/test-paths.ts"() {
    "use strict";
    TEST_PATH = /(?:^|[\\/])(?:tests?|__tests__|__mocks__|specs?|fixtures?|testdata|test[_-]?data)[\\/]|(?:^|[\\/])(?:test_[^\\/]*\.py|[^\\/]*_test\.(?:py|go|rb)|[^\\/]*\.(?:test|spec)\.[cm]?[jt]sx?|conftest\.py|[^\\/]*_spec\.rb)$/i;
    TEST_SEVERITY = "info";
  }
});

// ../detect/src/rules/placeholder.ts
function documented(m) {
  const name = m.replace(/^[$]?[{[<]?|[}\]>]$/g, "");
  return name.toLowerCase() !== "token" || name === "TOKEN";
}
function sentLiterally(lc, k2, s, e, group) {
  const interp = interpOf(lc, k2);
  const prose = lc.segs[k2 + 2] === Seg.Prose;
  if (interp === Interp.BearerOnly || prose) {
    if (group !== 7 && !BEARER_BEFORE.test(lc.text.slice(Math.max(lc.ls, s - 24), s))) return false;
  }
  if (interp === Interp.Shell && (group === 1 || group === 2) && quotedInShellText(lc, k2, s)) return true;
  switch (group) {
    case 1:
      return !DOLLAR_BRACE_EXPANDS.has(interp);
    case 2:
      if (interp === Interp.Ruby && code(lc.text, s - 1) === 35) return false;
      return !DOLLAR_EXPANDS.has(interp);
    case 3:
      return !BRACE_EXPANDS.has(interp);
    default:
      return true;
  }
}
function interpOf(lc, k2) {
  const interp = lc.segs[k2 + 3];
  return interp === Interp.None && holdsShell(lc, k2) ? Interp.Shell : interp;
}
function quotedInShellText(lc, k2, s) {
  const lang = dialectOf(lc, k2).languageId;
  if (lang !== "yaml" && !holdsShell(lc, k2)) return false;
  let single = false;
  let double = false;
  for (let i = lc.segs[k2]; i < s; i++) {
    const c = lc.text.charCodeAt(i);
    if (c === 39 && !double) single = !single;
    else if (c === 34 && !single) double = !double;
  }
  return single;
}
function sigilGroup(m) {
  if (m.charCodeAt(0) === 36) return m.charCodeAt(1) === 123 ? 1 : 2;
  return m.charCodeAt(0) === 123 ? 3 : 4;
}
function judgePlaceholder(lc, s, e, group, rule, why) {
  const k2 = segAt(lc.segs, s);
  if (k2 < 0) return;
  const kind = lc.segs[k2 + 2];
  if (kind === Seg.Comment || kind === Seg.Prose && !lc.ctx.prose) return;
  if (e > lc.segs[k2 + 1]) return;
  if (!sentLiterally(lc, k2, s, e, group)) return;
  if (holdsCode(lc, k2)) return;
  const d = dialectOf(lc, k2);
  const docs = kind === Seg.Prose || lc.segs[k2 + 4] !== 0 || d.markdown;
  const ph = lc.text.slice(s, e);
  const ruleId = docs && rule !== "phq/custom-placeholder" ? "phq/placeholder-in-docs" : rule;
  const ref = envReference(d.languageId, lc.ctx.envVar);
  const reason = why ?? (kind === Seg.Prose ? "readers copy it as written" : sentAsIs(d, lc.segs[k2 + 3], ph));
  const message = why ? dummyMessage(ph, reason, ref, docs) : placeholderMessage(ph, reason, ref, docs);
  const f = push(lc, "placeholder", ruleId, s, e, ph, message, d, { placeholder: ph });
  if (!f || lc.ctx.severities[ruleId]) return;
  if (kind === Seg.Prose) f.severity = "info";
  else lowerInTests(lc, f);
  lowerInTemplates(lc, f);
}
var DOLLAR_EXPANDS, DOLLAR_BRACE_EXPANDS, BRACE_EXPANDS, BEARER_BEFORE, YOUR_DOCUMENTED, placeholderRule;
var init_placeholder = __esm({
  "../detect/src/rules/placeholder.ts"() {
    "use strict";
    init_types2();
    init_env_reference();
    init_line();
    init_sink_names();
    init_messages();
    init_patterns();
    init_shell_strings();
    init_templates();
    init_test_paths();
    DOLLAR_EXPANDS = /* @__PURE__ */ new Set([Interp.Shell, Interp.Make, Interp.Dollar, Interp.PowerShell]);
    DOLLAR_BRACE_EXPANDS = /* @__PURE__ */ new Set([
      Interp.Shell,
      Interp.Make,
      Interp.Dollar,
      Interp.PowerShell,
      Interp.Yaml,
      Interp.PyFormat,
      Interp.CSharp,
      Interp.Rust
    ]);
    BRACE_EXPANDS = /* @__PURE__ */ new Set([Interp.PyFormat, Interp.CSharp, Interp.Rust]);
    BEARER_BEFORE = /bearer\s+$/i;
    YOUR_DOCUMENTED = /PREDICTHQ|PHQ|(?:API|ACCESS)[_-]TOKEN/i;
    placeholderRule = {
      id: "phq/placeholder",
      kind: "placeholder",
      overlap: "placeholder",
      severity: "error",
      sarif: {
        name: "UnfilledTokenPlaceholder",
        short: "Unfilled API token placeholder",
        full: "A token placeholder such as $API_TOKEN sits where it is sent as written (a string literal, a single-quoted shell string, a config value), so the API receives the literal text and answers 401."
      },
      docs: "placeholder",
      runsIn: "engine",
      triggers: ["ken", "bearer"],
      prefilter: /[${[<](?:PHQ_|PREDICTHQ_)?(?:API_|ACCESS_|OAUTH2_ACCESS_)?TOKEN|[${[<](?:PHQ_|PREDICTHQ_)API_KEY|YOUR[_-]|Acc3sS|bearer\s+(?:TOKEN|API_|ACCESS_|PHQ_|PREDICTHQ_)/,
      judge(lc, lt) {
        const sigil = SIGIL_PLACEHOLDER;
        sigil.lastIndex = 0;
        for (let m = sigil.exec(lt); m; m = sigil.exec(lt)) {
          let group = sigilGroup(m[0]);
          let s = lc.ls + m.index;
          let e = s + m[0].length;
          if (group === 3 && code(lc.text, s - 1) === 123 && code(lc.text, e) === 125) {
            const k0 = segAt(lc.segs, s - 1);
            const interp = k0 >= 0 ? lc.segs[k0 + 3] : -1;
            if (interp !== Interp.PyFormat && interp !== Interp.CSharp) continue;
            s--;
            e++;
            group = 0;
          }
          if (!documented(m[0]) && !aboutPhq(lc)) continue;
          judgePlaceholder(lc, s, e, group, "phq/placeholder");
        }
        const lower2 = lt.toLowerCase();
        if (lower2.includes("your")) {
          const re = YOUR_PLACEHOLDER;
          re.lastIndex = 0;
          for (let m = re.exec(lt); m; m = re.exec(lt)) {
            const s = lc.ls + m.index;
            if (!YOUR_DOCUMENTED.test(m[0]) && !aboutPhq(lc)) continue;
            judgePlaceholder(lc, s, s + m[0].length, 5, "phq/placeholder");
          }
        }
        if (lower2.includes("bearer")) {
          const re = BEARER_NAME;
          re.lastIndex = 0;
          for (let m = re.exec(lt); m; m = re.exec(lt)) {
            const s = lc.ls + m.index + m[0].length - m[1].length;
            if (!documented(m[1]) && !aboutPhq(lc)) continue;
            judgePlaceholder(lc, s, s + m[1].length, 7, "phq/placeholder");
          }
        }
        for (let at = lt.indexOf(SDK_FAKE_TOKEN); at >= 0; at = lt.indexOf(SDK_FAKE_TOKEN, at + 1)) {
          judgePlaceholder(lc, lc.ls + at, lc.ls + at + SDK_FAKE_TOKEN.length, 6, "phq/placeholder");
        }
      },
      fixtures: [
        { text: 'h = {"Authorization": "Bearer $API_TOKEN"}', options: { languageId: "python" } },
        { text: "fetch(u, { headers: { Authorization: 'Bearer {TOKEN}' } })", options: { languageId: "javascript" } },
        { text: 'phq = Client(access_token="Acc3sS-t0keN")', options: { languageId: "python" } },
        { text: "token: YOUR_PREDICTHQ_API_TOKEN", options: { languageId: "yaml" } },
        { text: "curl -H 'Authorization: Bearer TOKEN' https://api.predicthq.com", options: { languageId: "shellscript" } }
      ]
    };
  }
});

// ../detect/src/rules/custom-placeholder.ts
var customPlaceholderRule;
var init_custom_placeholder = __esm({
  "../detect/src/rules/custom-placeholder.ts"() {
    "use strict";
    init_placeholder();
    customPlaceholderRule = {
      id: "phq/custom-placeholder",
      kind: "placeholder",
      severity: "error",
      sarif: {
        name: "CustomPlaceholder",
        short: "Configured placeholder pattern",
        full: "Text matching a user-configured placeholder pattern sits where it is sent as written."
      },
      docs: "custom-placeholder",
      runsIn: "engine",
      triggers: [],
      extraTriggers: (ctx) => ctx.extra,
      mayFire(ctx, lt) {
        for (const x of ctx.extra) {
          x.lastIndex = 0;
          if (x.test(lt)) return true;
        }
        return false;
      },
      judge(lc, lt) {
        for (const x of lc.ctx.extra) {
          x.lastIndex = 0;
          for (let m = x.exec(lt); m; m = x.exec(lt)) {
            if (m[0].length === 0) {
              x.lastIndex++;
              continue;
            }
            const s = lc.ls + m.index;
            const group = m[0].startsWith("${") ? 1 : m[0].startsWith("$") ? 2 : 0;
            judgePlaceholder(lc, s, s + m[0].length, group, "phq/custom-placeholder");
          }
        }
      },
      fixtures: [
        { text: 'h = "Bearer %%MY_SECRET%%"', options: { languageId: "python", extraPatterns: ["%%MY_SECRET%%"] } }
      ]
    };
  }
});

// ../detect/src/rules/fallback.ts
function hasFallback(lt) {
  return lt.includes("||") || lt.includes("??") || lt.includes(" or ") || lt.includes(" else ") || lt.includes(" : ");
}
function wordAt(lt, i, w) {
  if (!lt.startsWith(w, i)) return false;
  const b2 = code(lt, i - 1);
  const a = code(lt, i + w.length);
  return (b2 === 32 || b2 === 9 || b2 === 41 || b2 === 93 || b2 === 34 || b2 === 39) && (a === 32 || a === 9);
}
function fallbackStarts(lc, lt, p) {
  const out2 = [];
  let depth = 0;
  let ternary = false;
  let literalBranch = false;
  let sawIf = false;
  for (let i = p; i < lt.length; i++) {
    const k2 = segAt(lc.segs, lc.ls + i);
    if (k2 >= 0) {
      if (lc.segs[k2 + 2] !== Seg.Str) break;
      if (ternary && depth === 0) literalBranch = true;
      i = lc.segs[k2 + 1] - lc.ls;
      continue;
    }
    const c = lt.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (--depth < 0) break;
    } else if (depth > 0) continue;
    else if (c === 44 || c === 59) break;
    else if (c === 124 && code(lt, i + 1) === 124 || c === 63 && code(lt, i + 1) === 63) {
      out2.push(skip(lt, i + 2));
      i++;
    } else if (c === 63) ternary = true;
    else if (c === 58 && ternary) {
      if (!literalBranch) out2.push(skip(lt, i + 1));
      ternary = false;
    } else if (c === 111 && wordAt(lt, i, "or")) out2.push(skip(lt, i + 2));
    else if (c === 105 && wordAt(lt, i, "if")) sawIf = true;
    else if (c === 101 && sawIf && wordAt(lt, i, "else")) out2.push(skip(lt, i + 4));
  }
  return out2.filter((s) => s < lt.length);
}
function skip(lt, i) {
  while (code(lt, i) === 32 || code(lt, i) === 9) i++;
  return i;
}
var init_fallback = __esm({
  "../detect/src/rules/fallback.ts"() {
    "use strict";
    init_types2();
    init_line();
  }
});

// ../detect/src/rules/continuation.ts
function mayContinue(c) {
  return c === 61 || c === 58 || c === 40 || c === 124 || c === 63 || c === 92 || c === 114 || c === 101 || c === 62;
}
function leadingOperator(lt) {
  const m = LEADING_OP.exec(lt);
  return m ? m[0].length : 0;
}
function continuedSink(line, leading = false) {
  let e = line.length;
  while (e > 0 && (line.charCodeAt(e - 1) === 32 || line.charCodeAt(e - 1) === 9 || line.charCodeAt(e - 1) === 13)) e--;
  if (e === 0 || COMMENT_START.test(line)) return null;
  if (!leading) {
    const c = line.charCodeAt(e - 1);
    if (!mayContinue(c) && !(c === 44 && QUOTE_BEFORE.test(line.slice(0, e)))) return null;
    const head = line.slice(0, e);
    if (!OPEN_END.test(head) && !(c === 44 && LOOKUP_OPEN.test(head))) return null;
  }
  let best = null;
  NAMES2.lastIndex = 0;
  for (let m = NAMES2.exec(line); m; m = NAMES2.exec(line)) {
    const c = nameClass(m[0].replace(/^[.$-]+|[.$-]+$/g, ""));
    if (c === "phq") return c;
    if (c === "generic") best = c;
  }
  return best;
}
function continuedAbove(text, ls) {
  if (ls === 0) return null;
  let e = ls - 1;
  while (e > 0) {
    const c2 = text.charCodeAt(e - 1);
    if (c2 !== 32 && c2 !== 9 && c2 !== 13) break;
    e--;
  }
  if (e === 0) return null;
  const c = text.charCodeAt(e - 1);
  let i = ls;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
  const f = text.charCodeAt(i);
  const leading = (f === 124 || f === 63 || f === 111 || f === 101 || f === 58) && LEADING_OP.test(text.slice(ls, Math.min(text.length, i + 6)));
  if (!leading && !mayContinue(c) && c !== 44) return null;
  let a = e;
  while (a > 0 && a > e - TAIL && text.charCodeAt(a - 1) !== 10) a--;
  return continuedSink(text.slice(a, e), leading);
}
var OPEN_END, NAMES2, COMMENT_START, QUOTE_BEFORE, LOOKUP_OPEN, LEADING_OP, TAIL;
var init_continuation = __esm({
  "../detect/src/rules/continuation.ts"() {
    "use strict";
    init_sink_names();
    OPEN_END = /(?:\|\||\?\?|(?<![\w.])or|(?<![\w.])else|[=:(]|=>|:=)\s*\\?$/;
    NAMES2 = /[\w$.-]*(?:token|api[_-]?key|apikey|(?:phq|predicthq)[_-]?key)[\w$.-]*/gi;
    COMMENT_START = /^\s*(?:#|\/\/|\/\*|\*|--|;|<!--)/;
    QUOTE_BEFORE = /["']\s*,$/;
    LOOKUP_OPEN = /(?:getenv|environ\.get|ENV\.fetch|Sys\.getenv)\(\s*["']\w+["']\s*,$/;
    LEADING_OP = /^[ \t]*(?:\|\||\?\?|or(?=[ \t])|else(?=[ \t])|:(?=[ \t]))[ \t]*/;
    TAIL = 240;
  }
});

// ../detect/src/fingerprint.ts
function fingerprint(value) {
  return "sha256:" + (0, import_node_crypto.createHash)("sha256").update(DOMAIN + value, "utf8").digest("hex");
}
function maskSecret(value) {
  if (value.length >= 16) return `${value.slice(0, 4)}${"*".repeat(8)}${value.slice(-2)}`;
  if (value.length >= 8) return `${value.slice(0, 2)}${"*".repeat(6)}`;
  return "*".repeat(Math.max(value.length, 4));
}
var import_node_crypto, DOMAIN;
var init_fingerprint = __esm({
  "../detect/src/fingerprint.ts"() {
    "use strict";
    import_node_crypto = require("node:crypto");
    DOMAIN = "phq-token-v1\0";
  }
});

// ../detect/src/rules/shape.ts
function entropy(v) {
  const counts = /* @__PURE__ */ new Map();
  for (const c of v) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / v.length;
    h -= p * Math.log2(p);
  }
  return h;
}
function isLikelyToken(value) {
  const v = value.replace(/=+$/, "");
  if (v.length < MIN_TOKEN_LENGTH || v.length > 512) return false;
  if (!TOKEN_CHARS.test(value)) return false;
  if (UUID.test(v) || HEX.test(v)) return false;
  if (PLACEHOLDERISH.test(v)) return false;
  const parts = v.split(/[-_./]/);
  if (parts.length >= 2 && parts.every((p) => p === "" || WORDISH.test(p))) return false;
  if (IDENTIFIER.test(v)) return false;
  const classes = (/[a-z]/.test(v) ? 1 : 0) + (/[A-Z]/.test(v) ? 1 : 0) + (/\d/.test(v) ? 1 : 0);
  if (classes < 2) return false;
  return entropy(v) >= 3.5;
}
function hasTokenRun(lt, n) {
  let run = 0;
  for (let i = 0; i < lt.length; i++) {
    const c = lt.charCodeAt(i);
    if (c < 128 && TOKEN_CHAR[c] === 1) {
      if (++run >= n) return true;
    } else run = 0;
  }
  return false;
}
var TOKEN_CHARS, UUID, HEX, PLACEHOLDERISH, WORDISH, MIN_TOKEN_LENGTH, IDENTIFIER, TOKEN_CHAR;
var init_shape = __esm({
  "../detect/src/rules/shape.ts"() {
    "use strict";
    TOKEN_CHARS = /^[A-Za-z0-9_\-.~+/]+=*$/;
    UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    HEX = /^(?:0x)?[0-9a-f]+$/i;
    PLACEHOLDERISH = /your|example|placeholder|xxxx|changeme|change_me|redacted|dummy|sample|insert|replace|token|secret|<|>/i;
    WORDISH = /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+|\d{1,4})$/;
    MIN_TOKEN_LENGTH = 20;
    IDENTIFIER = /^(?:[a-z]+|[A-Z][a-z]+)(?:[A-Z][a-z]+|[A-Z]{2,4}(?=[A-Z]|$))+$/;
    TOKEN_CHAR = new Uint8Array(128);
    for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~+/") TOKEN_CHAR[c.charCodeAt(0)] = 1;
  }
});

// ../detect/src/rules/hardcoded-token.ts
function readsName(lt) {
  return lt.includes("+") && BEARER_PLUS.test(lt);
}
function reportHardcoded(lc, s, value, k2, phq = true, name = "") {
  const d = dialectOf(lc, k2);
  const masked = maskSecret(value);
  const ref = envReference(d.languageId, lc.ctx.envVar);
  const message = phq ? hardcodedMessage(masked, ref) : secretMessage(masked, name);
  const envVar = phq || !name || nameClass(name) !== null ? lc.ctx.envVar : envName(name);
  push(
    lc,
    "hardcoded-token",
    "phq/hardcoded-token",
    s,
    s + value.length,
    masked,
    message,
    d,
    { fingerprint: fingerprint(value) },
    envVar
  );
}
function envName(name) {
  const last = name.slice(name.lastIndexOf(".") + 1).replace(/^[^A-Za-z_]+/, "");
  const snake = last.replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/[^A-Za-z0-9_]+/g, "_").toUpperCase();
  return /^[A-Z_][A-Z0-9_]*$/.test(snake) ? snake : "API_TOKEN";
}
function phqName(lc, name) {
  const cls = nameClass(name);
  return cls === "phq" || cls === "generic" && aboutPhq(lc);
}
var BEARER_PLUS, VALUE, TOKEN_WORD, hardcodedTokenRule;
var init_hardcoded_token = __esm({
  "../detect/src/rules/hardcoded-token.ts"() {
    "use strict";
    init_fingerprint();
    init_env_reference();
    init_types2();
    init_line();
    init_messages();
    init_patterns();
    init_shape();
    init_sink_names();
    init_sinks();
    BEARER_PLUS = /bearer\s*["'`]\s*\+/i;
    VALUE = /[A-Za-z0-9_\-.~+/]+=*/y;
    TOKEN_WORD = /token|api[_-]?key|apikey/i;
    hardcodedTokenRule = {
      id: "phq/hardcoded-token",
      kind: "hardcoded-token",
      overlap: "token",
      severity: "error",
      sarif: {
        name: "HardcodedToken",
        short: "Hardcoded API token",
        full: 'A long random value after "Bearer ", assigned to a token or API-key variable, or written where PredictHQ reads its token: anyone who can read the file can use it.'
      },
      docs: "hardcoded-token",
      runsIn: "engine",
      triggers: ["ken", "bearer"],
      prefilter: /bearer\s+[A-Za-z0-9_\-.~+/]{20}/,
      // Token assignments need a token-ish name and a value of at least MIN_TOKEN_LENGTH.
      // Lines that give a sink a bare name are judged too: the name is followed (follow.ts).
      mayFire: (_ctx, lt) => TOKEN_WORD.test(lt) && hasTokenRun(lt, MIN_TOKEN_LENGTH) || readsName(lt),
      judge(lc, lt) {
        const seen = /* @__PURE__ */ new Set();
        const hardcoded = (s, value, k2, phq, name) => {
          if (seen.has(s) || !isLikelyToken(value)) return;
          seen.add(s);
          reportHardcoded(lc, s, value, k2, phq, name);
        };
        const bearer = BEARER_VALUE;
        bearer.lastIndex = 0;
        for (let m = bearer.exec(lt); m; m = bearer.exec(lt)) {
          const v = m[1];
          const s = lc.ls + m.index + m[0].length - v.length;
          const k2 = segAt(lc.segs, s);
          if (k2 < 0 || s + v.length > lc.segs[k2 + 1]) continue;
          if (lc.segs[k2 + 2] === Seg.Prose && !lc.ctx.prose) continue;
          hardcoded(s, v, k2, aboutPhq(lc), "");
        }
        const words = TOKEN_NAME_WORD;
        words.lastIndex = 0;
        for (let m = words.exec(lt); m; m = words.exec(lt)) {
          const [a, end] = nameAround(lt, m.index, m[0].length);
          const name = lt.slice(a, end);
          let p = end;
          words.lastIndex = p;
          if (NOT_A_TOKEN_NAME.test(lt.slice(a, p))) continue;
          const nk = segAt(lc.segs, lc.ls + a);
          if (nk >= 0 && lc.segs[nk + 2] === Seg.Comment) continue;
          p = assignedAt(lt, p);
          if (p < 0) continue;
          const q = lt[p];
          let vs;
          let value;
          if (q === '"' || q === "'" || q === "`") {
            vs = p + 1;
            const close = lt.indexOf(q, vs);
            value = lt.slice(vs, close < 0 ? lt.length : close);
          } else {
            vs = p;
            VALUE.lastIndex = p;
            const v = VALUE.exec(lt);
            if (!v) continue;
            value = v[0];
          }
          const s = lc.ls + vs;
          const k2 = segAt(lc.segs, s);
          if (k2 < 0 || lc.segs[k2 + 2] === Seg.Comment || s + value.length > lc.segs[k2 + 1]) continue;
          if (lc.segs[k2 + 2] === Seg.Prose && !lc.ctx.prose) continue;
          if (holdsCode(lc, k2)) continue;
          hardcoded(s, value, k2, phqName(lc, name), name);
        }
        for (const sink of sinksOf(lc, lt)) {
          if (sink.verdict === "token" && !seen.has(sink.start) && sinkApplies(lc, sink)) {
            seen.add(sink.start);
            reportHardcoded(lc, sink.start, sink.value, sink.k);
          }
        }
      },
      fixtures: [
        { text: 'api_token = "FAKEq1w2e3r4t5y6u7i8o9p0AsDfGhJkLzXcVbNm"', options: { languageId: "python" } },
        {
          text: 'curl -H "Authorization: Bearer FAKEq1w2e3r4t5y6u7i8o9p0AsDfGhJkLzXcVbNm" https://api.predicthq.com/v1/events/',
          options: { languageId: "shellscript" }
        }
      ]
    };
  }
});

// ../detect/src/rules/follow.ts
function followable(ref) {
  const name = ref.slice(ref.lastIndexOf(".") + 1);
  return !name || NOT_A_NAME.test(name) || SINK_WORD.test(name) ? "" : name;
}
function followName(lc, name) {
  (lc.ctx.follow ??= /* @__PURE__ */ new Set()).add(name);
}
function reportFollowed(ctx, text, out2) {
  if (!ctx.follow || ctx.follow.size === 0) return;
  const names = [...ctx.follow].map(escape2).join("|");
  const re = new RegExp(
    String.raw`(?<![\w$])(?:${names})["']?\s*(?::\s*[\w.[\]| ]+?\s*)?(?:=|:)\s*[rbuRBU]?(["'\`])([A-Za-z0-9_\-.~+/]{20,512}=*)\1`,
    "g"
  );
  const walker = new Walker(text, ctx.dialect.lexer, { pos: 0, line: 0, state: initialState() });
  const segs = [];
  const reported = new Set(out2.map((f) => f.offset));
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const value = m[2];
    const s = m.index + m[0].length - value.length - 1;
    const ls = text.lastIndexOf("\n", m.index - 1) + 1;
    if (ls < walker.cur.pos || reported.has(s) || !isLikelyToken(value)) continue;
    walker.advance(ls);
    segs.length = 0;
    const le = walker.lexLine(segs);
    const k2 = segAt(segs, s);
    const nk = segAt(segs, m.index);
    if (k2 < 0 || segs[k2 + 2] !== Seg.Str || nk >= 0 && segs[nk + 2] === Seg.Comment) continue;
    const lc = {
      ctx,
      text,
      ls,
      le,
      base: 0,
      line: () => walker.lineAt(ls),
      segs,
      sup: suppressionFor(text, ls, le),
      out: out2,
      sinks: void 0,
      defaults: (ctx.rules ?? BUILT_IN_RULES).defaults
    };
    reportHardcoded(lc, s, value, k2, true);
  }
}
var NOT_A_NAME, SINK_WORD, escape2;
var init_follow = __esm({
  "../detect/src/rules/follow.ts"() {
    "use strict";
    init_engine();
    init_types2();
    init_hardcoded_token();
    init_judge();
    init_line();
    init_shape();
    init_suppress();
    NOT_A_NAME = /^(?:null|none|nil|undefined|true|false|this|self|new|await|os|process)$/i;
    SINK_WORD = /token|api[_-]?key|apikey|(?:phq|predicthq)[_-]?key/i;
    escape2 = (s) => s.replace(/[$.]/g, "\\$&");
  }
});

// ../detect/src/rules/sink-values.ts
function isSequence(v) {
  let steps = 0;
  for (let i = 1; i < v.length; i++) {
    const d = v.charCodeAt(i) - v.charCodeAt(i - 1);
    if (d === 1 || d === 0 || d === -1) steps++;
  }
  return steps >= (v.length - 1) * 0.6;
}
function whyNotAToken(v) {
  if (/^[<[{(].*[>\]})]$/.test(v)) return "it is bracketed text, not a token";
  if (/\s/.test(v)) return "it contains spaces";
  const long = v.length >= 32;
  if (!long || !isLikelyToken(v)) {
    if (INSTRUCTIONAL.test(v) || WORDY.test(v)) return "it is placeholder text, not a token";
    if (isSequence(v)) return "it is a sequence of characters, not a token";
  }
  if (v.length < 20)
    return `it is ${v.length} character${v.length === 1 ? "" : "s"} long (PredictHQ tokens are about 40)`;
  if (!/^[A-Za-z0-9_\-.~+/]+=*$/.test(v)) return "it has characters a token never has";
  const distinct = new Set(v).size;
  if (distinct < 8) return "it repeats a few characters, not a token";
  const parts = v.split(/[-_./]/);
  if (parts.length >= 2 && parts.every((p) => p === "" || /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+|\d{1,4})$/.test(p)))
    return "it is made of words, not a token";
  if (/^[A-Za-z]+$/.test(v) && /^[a-z]+(?:[A-Z][a-z]+)+$|^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/.test(v))
    return "it is an identifier, not a token";
  return "";
}
function isPlaceholderShaped(v) {
  return /^[<[{(].*(?:predicthq|phq|token).*[>\]})]$/i.test(v) && /\s|your|here|predicthq|phq/i.test(v);
}
var INSTRUCTIONAL, WORDY;
var init_sink_values = __esm({
  "../detect/src/rules/sink-values.ts"() {
    "use strict";
    init_shape();
    INSTRUCTIONAL = /your|placeholder|replace|insert|enter|paste|put[_ -]?(?:here|in)|here|change[_-]?me|xxx|\*\*\*|todo|fixme|tbd|redacted|dummy|fake|sample|example|secret|token|api[_ -]?key|<|>|\[|\]|\{|\}/i;
    WORDY = /^(?:test(?:ing)?|demo|foo|bar|baz|abc|xyz|none|null|nil|undefined|n\/?a|empty|default|string|str|password|pass|key|token|mytoken|my-token|changeit|qwerty|asdf|admin|letmein)$/i;
  }
});

// ../detect/src/rules/sinks.ts
function isQuote(c) {
  return c === 34 || c === 39 || c === 96;
}
function valueAt(lc, lt, p, annotated = true) {
  const wrap = WRAPPER.exec(lt.slice(p, p + 16));
  if (wrap && segAt(lc.segs, lc.ls + p) < 0) p += wrap[0].length;
  const ann = /^[A-Za-z_][\w.[\], |]*\s*=(?!=)\s*/.exec(lt.slice(p, p + 60));
  const k0 = segAt(lc.segs, lc.ls + p);
  if (annotated && ann && k0 < 0 && !isQuote(code(lt, p))) p += ann[0].length;
  let q = p;
  let fstring = false;
  while (q < p + 2 && /[rRbBuUfF]/.test(lt[q] ?? "") && segAt(lc.segs, lc.ls + q) < 0) {
    if (lt[q] === "f" || lt[q] === "F") fstring = true;
    q++;
  }
  const prefixed = q !== p;
  let c = code(lt, q);
  let escaped = false;
  if (c === 92 && isQuote(code(lt, q + 1))) {
    escaped = true;
    q++;
    c = code(lt, q);
  }
  if (isQuote(c)) {
    if (prefixed && !fstring && !/[rRbBuU]/.test(lt[p])) return null;
    const vs = q + 1;
    const k3 = segAt(lc.segs, lc.ls + vs);
    if (k3 < 0 || lc.segs[k3 + 2] !== Seg.Str) return null;
    let close = -1;
    for (let i = vs; i < lt.length; i++) {
      const ci = lt.charCodeAt(i);
      if (escaped) {
        if (ci === 92 && code(lt, i + 1) === c) {
          close = i;
          break;
        }
        if (ci === 92) i++;
      } else if (ci === 92 && c !== 96) i++;
      else if (ci === c) {
        close = i;
        break;
      }
    }
    if (close < 0) return null;
    const segEnd2 = lc.segs[k3 + 1] - lc.ls;
    if (segEnd2 < close && !LOOSE.has(dialectOf(lc, k3).languageId)) return null;
    if (fstring && lt.slice(vs, close).includes("{")) return null;
    let a = close + (escaped ? 2 : 1);
    while (code(lt, a) === 32) a++;
    const after = code(lt, a);
    if (after === 43 || after === 46 || after === 37 || after === 42 || after === 91) return null;
    return { s: vs, e: close, k: k3 };
  }
  const k2 = segAt(lc.segs, lc.ls + p);
  if (k2 < 0 || lc.segs[k2 + 2] !== Seg.Str) return null;
  const d = dialectOf(lc, k2);
  if (!LOOSE.has(d.languageId)) return null;
  const segEnd = lc.segs[k2 + 1] - lc.ls;
  let e = p;
  if (SHELLISH2.has(d.languageId) || lc.segs[k2 + 3] === Interp.Shell) {
    while (e < segEnd && !/[\s;&|)`'"]/.test(lt[e])) e++;
  } else {
    e = segEnd;
    while (e > p && (lt.charCodeAt(e - 1) === 32 || lt.charCodeAt(e - 1) === 9)) e--;
  }
  if (e <= p) return null;
  return { s: p, e, k: k2 };
}
function isReference(lc, v, k2) {
  const interp = holdsShell(lc, k2) ? Interp.Shell : lc.segs[k2 + 3];
  if (/^%[sv]$|^%\(\w+\)s$/.test(v)) return true;
  if (/^\{\w*\}$/.test(v) && (interp === Interp.PyFormat || interp === Interp.CSharp || interp === Interp.Rust))
    return true;
  if (!REFERENCE.test(v)) return false;
  const lang = dialectOf(lc, k2).languageId;
  if (/^\$\{[A-Za-z_]\w*\}$/.test(v) && CONFIG.has(lang)) return true;
  if (/^\$\{?[A-Za-z_]\w*\}?$/.test(v)) return DOLLAR_EXPANDS2.has(interp) || lang === "dotenv";
  return true;
}
function sinkOf(lc, s, e, k2, strong) {
  let value = lc.text.slice(s, e);
  const q = value.charCodeAt(0);
  if (value.length >= 2 && isQuote(q) && value.charCodeAt(value.length - 1) === q) {
    value = value.slice(1, -1);
    s++;
  }
  if (value === "" || isReference(lc, value, k2)) return null;
  const inCode = holdsCode(lc, k2);
  if (inCode && (value.length < 20 || value.length > 512)) return null;
  if (value.length >= 20 && /^(?:0x)?[0-9a-f]+$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
    return null;
  const why = whyNotAToken(value);
  if (why && inCode) return null;
  return {
    start: s,
    value,
    k: k2,
    verdict: why ? "dummy" : "token",
    why,
    strong,
    placeholderShaped: why !== "" && (isPlaceholderShaped(value) || /^\$\{?[A-Za-z_]\w*\}?$/.test(value))
  };
}
function nameUsable(lc, lt, a, p) {
  const nk = segAt(lc.segs, lc.ls + a);
  if (nk < 0) return true;
  const kind = lc.segs[nk + 2];
  if (kind === Seg.Comment || kind === Seg.Prose && !lc.ctx.prose) return false;
  const interp = lc.segs[nk + 3];
  if (interp === Interp.Shell || interp === Interp.Make || interp === Interp.Yaml || interp === Interp.Http)
    return true;
  if (LOOSE.has(dialectOf(lc, nk).languageId)) return true;
  if (lc.ctx.notebook) return true;
  const before = code(lt, a - 1);
  const after = code(lt, p);
  return (isQuote(before) || before === 92) && (isQuote(after) || after === 92);
}
function findSinks(lc, lt) {
  const out2 = [];
  const cont = continuedAbove(lc.text, lc.ls);
  if (cont !== null) {
    let first = leadingOperator(lt);
    while (code(lt, first) === 32 || code(lt, first) === 9) first++;
    const d = dialectOf(lc, lc.segs.length > 0 ? 0 : -1).languageId;
    const val = LOOSE.has(d) || CONFIG.has(d) ? null : valueAt(lc, lt, first, false);
    if (val) {
      const sink = sinkOf(lc, lc.ls + val.s, lc.ls + val.e, val.k, cont === "phq");
      if (sink) out2.push(sink);
    } else if (!LOOSE.has(d) && !CONFIG.has(d)) fallbackSinks(lc, lt, first, cont === "phq", out2);
  }
  {
    BEARER.lastIndex = 0;
    for (let m = BEARER.exec(lt); m; m = BEARER.exec(lt)) {
      const vs = m.index + m[0].length;
      const k2 = segAt(lc.segs, lc.ls + m.index);
      if (k2 < 0 || lc.segs[k2 + 2] === Seg.Comment || lc.segs[k2 + 2] === Seg.Prose && !lc.ctx.prose) continue;
      const segEnd = lc.segs[k2 + 1] - lc.ls;
      if (vs >= segEnd) {
        BEARER_REF.lastIndex = segEnd;
        const ref = BEARER_REF.exec(lt);
        const name = ref ? followable(ref[1] ?? ref[2]) : "";
        if (name && aboutPhq(lc)) followName(lc, name);
        continue;
      }
      let e;
      const open = lt[vs];
      const close = open === "<" ? ">" : open === "[" ? "]" : open === "{" ? "}" : open === "(" ? ")" : "";
      if (close) {
        e = lt.indexOf(close, vs + 1);
        if (e < 0 || e >= segEnd) continue;
        e++;
      } else {
        e = vs;
        while (e < segEnd && !/[\s"'`,;\\]/.test(lt[e])) e++;
      }
      let r = e;
      while (r < segEnd && (lt[r] === " " || lt[r] === "	")) r++;
      if (r < segEnd && !/["'`,;\\]/.test(lt[r])) {
        const limit = Math.min(segEnd, vs + INSTRUCTION_MAX);
        let q = r;
        while (q < limit && !/["'`\\]/.test(lt[q])) q++;
        if (q >= limit && limit < segEnd) continue;
        if (!INSTRUCTION.test(lt.slice(vs, q))) continue;
        e = q;
        while (e > vs && lt[e - 1] === " ") e--;
      }
      if (e <= vs) continue;
      const interp = lc.segs[k2 + 3];
      if (interp === Interp.BearerOnly && lc.segs[k2 + 4] === 0 && lc.ctx.dialect.languageId !== "plaintext") continue;
      if (interp === Interp.PyFormat && lt[vs] === "{" && aboutPhq(lc)) {
        const ref = /^\{([A-Za-z_][\w.]*)\}$/.exec(lt.slice(vs, e));
        const name = ref ? followable(ref[1]) : "";
        if (name) followName(lc, name);
      }
      const sink = sinkOf(lc, lc.ls + vs, lc.ls + e, k2, false);
      if (sink) out2.push(sink);
    }
  }
  const words = SINK_NAME_WORD;
  words.lastIndex = 0;
  for (let m = words.exec(lt); m; m = words.exec(lt)) {
    const [a, p] = nameAround(lt, m.index, m[0].length);
    words.lastIndex = p;
    if (code(lt, a - 1) === 123 && code(lt, a - 2) === 36) continue;
    const name = lt.slice(a, p);
    const cls = nameClass(name);
    if (cls === null) continue;
    if (!nameUsable(lc, lt, a, p)) {
      const sink = embeddedAssignment(lc, lt, a, p, cls === "phq");
      if (sink) out2.push(sink);
      continue;
    }
    let v = assignedValueStart(lt, p);
    if (v < 0 && lc.ctx.dialect.languageId === "dockerfile") {
      const env = ENV_SPACE.exec(lt);
      if (env && env[1] === name) v = env[0].length;
    }
    if (v < 0) continue;
    const val = valueAt(lc, lt, v);
    if (val) {
      const sink = sinkOf(lc, lc.ls + val.s, lc.ls + val.e, val.k, cls === "phq");
      if (sink) out2.push(sink);
    } else {
      fallbackSinks(lc, lt, v, cls === "phq", out2);
      BARE_NAME.lastIndex = v;
      const bare = BARE_NAME.exec(lt);
      const name2 = bare && segAt(lc.segs, lc.ls + v) < 0 ? followable(bare[1]) : "";
      if (name2 && (cls === "phq" || aboutPhq(lc))) followName(lc, name2);
    }
  }
  const lookups = lt.includes("env") || lt.includes("ENV") || lt.includes("secrets");
  for (const re of lookups ? ENV_LOOKUPS : NONE2) {
    re.lastIndex = 0;
    for (let m = re.exec(lt); m; m = re.exec(lt)) {
      const name = m[1] ?? m[2] ?? m[3] ?? "";
      const cls = nameClass(name);
      if (cls === null) continue;
      const k2 = segAt(lc.segs, lc.ls + m.index);
      if (k2 >= 0 && lc.segs[k2 + 2] === Seg.Comment) continue;
      const val = valueAt(lc, lt, m.index + m[0].length);
      if (!val) continue;
      const sink = sinkOf(lc, lc.ls + val.s, lc.ls + val.e, val.k, cls === "phq");
      if (sink) out2.push(sink);
    }
  }
  const lookup = ENV_LOOKUP;
  lookup.lastIndex = 0;
  for (let m = lookups ? lookup.exec(lt) : null; m; m = lookup.exec(lt)) {
    const cls = nameClass(m[1] ?? m[2] ?? m[3] ?? "");
    if (cls === null) continue;
    const k2 = segAt(lc.segs, lc.ls + m.index);
    if (k2 >= 0) continue;
    fallbackSinks(lc, lt, m.index, cls === "phq", out2);
  }
  return out2;
}
function fallbackSinks(lc, lt, p, strong, out2) {
  if (!hasFallback(lt)) return;
  for (const f of fallbackStarts(lc, lt, p)) {
    const val = valueAt(lc, lt, f);
    if (!val || out2.some((s) => s.start === lc.ls + val.s)) continue;
    const sink = sinkOf(lc, lc.ls + val.s, lc.ls + val.e, val.k, strong);
    if (sink) out2.push(sink);
  }
}
function embeddedAssignment(lc, lt, a, p, strong) {
  if (code(lt, p) !== 61 || code(lt, p + 1) === 61) return null;
  const k2 = segAt(lc.segs, lc.ls + a);
  if (k2 < 0 || lc.segs[k2 + 2] !== Seg.Str) return null;
  const segStart = lc.segs[k2] - lc.ls;
  const segEnd = lc.segs[k2 + 1] - lc.ls;
  const before = code(lt, a - 1);
  if (a !== segStart && before !== 32 && before !== 9 && before !== 40) return null;
  let e = p + 1;
  while (e < segEnd && !/[\s"'`;&|)\\]/.test(lt[e])) e++;
  if (e <= p + 1) return null;
  const sink = sinkOf(lc, lc.ls + p + 1, lc.ls + e, k2, strong);
  if (!sink || sink.verdict === "dummy" && !holdsShell(lc, k2) && lc.segs[k2 + 3] !== Interp.Shell) return null;
  return sink;
}
function assignedValueStart(lt, p) {
  const c0 = code(lt, p);
  if (c0 === 92 && isQuote(code(lt, p + 1))) p += 2;
  else if (isQuote(c0)) p++;
  if (code(lt, p) === 93) p++;
  while (code(lt, p) === 32 || code(lt, p) === 9) p++;
  const c = code(lt, p);
  if (c === 58) p += code(lt, p + 1) === 61 ? 2 : code(lt, p + 1) === 58 ? 99 : 1;
  else if (c === 61) {
    const n = code(lt, p + 1);
    if (n === 61 || n === 126) return -1;
    p += n === 62 ? 2 : 1;
  } else return -1;
  while (code(lt, p) === 32 || code(lt, p) === 9) p++;
  return p < lt.length ? p : -1;
}
function sinksOf(lc, lt) {
  if (lc.sinks === void 0) lc.sinks = findSinks(lc, lt);
  return lc.sinks;
}
function sinkApplies(lc, s) {
  return s.strong || s.verdict === "dummy" && s.placeholderShaped || aboutPhq(lc);
}
var REFERENCE, DOLLAR_EXPANDS2, LOOSE, CONFIG, SHELLISH2, WRAPPER, BEARER, INSTRUCTION, SINK_NAME_WORD, ENV_SPACE, INSTRUCTION_MAX, BEARER_REF, BARE_NAME, NONE2, ENV_LOOKUP, ENV_DEFAULT, JS_ENV_DEFAULT, ENV_LOOKUPS;
var init_sinks = __esm({
  "../detect/src/rules/sinks.ts"() {
    "use strict";
    init_types2();
    init_line();
    init_continuation();
    init_fallback();
    init_follow();
    init_shell_strings();
    init_sink_names();
    init_sink_values();
    REFERENCE = /\$\{|\$\(|\{\{|%\(|<%|^\$\$?[A-Za-z_]\w*$|^%[A-Za-z_]\w*%$|^!ENV|^secrets?\./;
    DOLLAR_EXPANDS2 = /* @__PURE__ */ new Set([
      Interp.Shell,
      Interp.Make,
      Interp.Dollar,
      Interp.PowerShell,
      Interp.Yaml
    ]);
    LOOSE = /* @__PURE__ */ new Set([
      "dotenv",
      "ini",
      "properties",
      "yaml",
      "http",
      "plaintext",
      "markdown",
      "shellscript",
      "dockerfile",
      "makefile"
    ]);
    CONFIG = /* @__PURE__ */ new Set(["dotenv", "ini", "properties", "yaml", "toml"]);
    SHELLISH2 = /* @__PURE__ */ new Set(["shellscript", "dockerfile", "makefile"]);
    WRAPPER = /^(?:JSON\.stringify|String|str)\(\s*(?=["'`])/;
    BEARER = /\bBearer[ \t]+/gi;
    INSTRUCTION = /^(?:your|my|insert|enter|paste|put|replace)\b[\w .-]{0,40}\b(?:token|key)\b(?:[\w .-]{0,12})$/i;
    SINK_NAME_WORD = /token|api[_-]?key|apikey|(?:phq|predicthq)[_-]?key/gi;
    ENV_SPACE = /^\s*(?:ENV|ARG)\s+([A-Za-z_][\w.-]*)\s+(?=\S)/i;
    INSTRUCTION_MAX = 120;
    BEARER_REF = /(?:["'`]\s*\+\s*([A-Za-z_$][\w$.]*)|\$?\{\s*([A-Za-z_$][\w$.]*)\s*\})/y;
    BARE_NAME = /([A-Za-z_$][\w$.]*)\s*(?=[,)};]|$)/y;
    NONE2 = [];
    ENV_LOOKUP = /(?<![\w.])(?:(?:os\.)?(?:getenv|environ\.get)|st\.secrets\.get|Deno\.env\.get|ENV\.fetch|System\.getenv)\(\s*["']([A-Za-z_]\w*)["']\s*\)|(?<![\w])(?:os\.environ|st\.secrets|ENV)\[\s*["']([A-Za-z_]\w*)["']\s*\]|\b(?:process|import\.meta)\.env\.([A-Za-z_]\w*)(?=\s*(?:\|\||\?))/g;
    ENV_DEFAULT = /(?<![\w.])(?:(?:os\.)?(?:getenv|environ\.get)|ENV\.fetch|Sys\.getenv)\(\s*["']([A-Za-z_][\w]*)["']\s*,\s*(?:unset\s*=\s*)?/g;
    JS_ENV_DEFAULT = /\bprocess\.env(?:\.([A-Za-z_]\w*)|\[\s*["']([A-Za-z_]\w*)["']\s*\])\s*(?:\|\||\?\?)\s*()/g;
    ENV_LOOKUPS = [ENV_DEFAULT, JS_ENV_DEFAULT];
  }
});

// ../detect/src/rules/dummy-token.ts
var NAMED_QUOTED, NAMED_ANY, DOCKER_ENV, ENV_DEFAULT_VALUE, FALLBACK_VALUE, BEARER_VALUE2, dummyTokenRule;
var init_dummy_token = __esm({
  "../detect/src/rules/dummy-token.ts"() {
    "use strict";
    init_fallback();
    init_placeholder();
    init_sinks();
    NAMED_QUOTED = /(?:ken|key)[\w.$-]*\\?["'\]]{0,2}\s*(?::[ \t]*[A-Za-z_][\w.[\], |]*)?(?::=|=>|=|:)\s*(?:[rbuf]{0,2}\\?["'`]|[A-Za-z_$][\w$.]*\s*(?:[,)};]|$))/i;
    NAMED_ANY = /(?:ken|key)[\w.$-]*\\?["'\]]{0,2}\s*(?::=|=>|=|:)\s*[^\s=]/i;
    DOCKER_ENV = /^\s*(?:ENV|ARG)\s/i;
    ENV_DEFAULT_VALUE = /(?:ken|key)\w*["']?\s*(?:\]\s*)?(?:,\s*(?:unset\s*=\s*)?|\|\||\?\?)\s*[rbuf]{0,2}["'`]/i;
    FALLBACK_VALUE = /(?:\bor|\|\||\?\?|\belse|\s:)\s*[rbuf]{0,2}\\?["'`]/;
    BEARER_VALUE2 = /bearer[ \t]+(?:[<[{(]|(?:your|my|insert|enter|paste|put|replace)\b|[^\s"'`,;\\]+\s*(?:["'`,;\\]|$))/i;
    dummyTokenRule = {
      id: "phq/dummy-token",
      kind: "placeholder",
      overlap: "placeholder",
      severity: "error",
      sarif: {
        name: "DummyTokenValue",
        short: "A value that cannot be a token, where PredictHQ reads its token",
        full: "A literal in a token position (the SDK client, an Authorization: Bearer header, a PredictHQ token variable or config key) that cannot be a real token: too short, words, spaces, brackets or a sequence. The API answers 401."
      },
      docs: "dummy-token",
      runsIn: "engine",
      triggers: ["ken", "bearer"],
      // Merged into the engine's one prefilter regex; unquoted values only in config and shell.
      prefilter: new RegExp(`${BEARER_VALUE2.source}|${NAMED_QUOTED.source}|${ENV_DEFAULT_VALUE.source}`),
      mayFire(ctx, lt) {
        if (hasFallback(lt) && FALLBACK_VALUE.test(lt)) return true;
        if (!LOOSE.has(ctx.dialect.languageId)) return false;
        return NAMED_ANY.test(lt) || ctx.dialect.languageId === "dockerfile" && DOCKER_ENV.test(lt);
      },
      judge(lc, lt) {
        for (const sink of sinksOf(lc, lt)) {
          if (sink.verdict !== "dummy" || !sinkApplies(lc, sink)) continue;
          judgePlaceholder(lc, sink.start, sink.start + sink.value.length, 0, "phq/dummy-token", sink.why);
        }
      },
      fixtures: [
        { text: 'from predicthq import Client\nphq = Client(access_token="xyz789")', options: { languageId: "python" } },
        { text: 'headers = {"Authorization": "Bearer <YOUR TOKEN HERE>"}', options: { languageId: "python" } },
        {
          text: 'URL = "https://api.predicthq.com/v1/events/"\nheaders = {"Authorization": "Bearer Your API Token"}',
          options: { languageId: "python" }
        },
        { text: "PHQ_API_TOKEN=changeme", options: { languageId: "dotenv", fileName: ".env" } },
        { text: '[predicthq]\napi_key = "test"', options: { languageId: "toml", fileName: ".streamlit/secrets.toml" } },
        { text: "ENV PHQ_API_TOKEN replace-me", options: { languageId: "dockerfile", fileName: "Dockerfile" } }
      ]
    };
  }
});

// ../detect/src/rules/endpoint.ts
var endpointRule;
var init_endpoint = __esm({
  "../detect/src/rules/endpoint.ts"() {
    "use strict";
    init_types2();
    init_line();
    init_messages();
    init_patterns();
    endpointRule = {
      id: "phq/endpoint",
      kind: "endpoint",
      severity: "hint",
      sarif: {
        name: "Endpoint",
        short: "PredictHQ API family called",
        full: "The file calls a PredictHQ API family; the token needs the matching scope."
      },
      docs: "endpoint",
      runsIn: "engine",
      triggers: ["v1"],
      prefilter: /\/v1\//,
      judge(lc, lt) {
        const re = ENDPOINT;
        re.lastIndex = 0;
        for (let m = re.exec(lt); m; m = re.exec(lt)) {
          const s = lc.ls + m.index;
          const k2 = segAt(lc.segs, s);
          const kind = k2 >= 0 ? lc.segs[k2 + 2] : 0;
          if (kind === Seg.Comment || kind === Seg.Prose) continue;
          const d = dialectOf(lc, k2);
          if (d.markdown || k2 >= 0 && lc.segs[k2 + 4] !== 0) continue;
          const family2 = m[1];
          push(lc, "endpoint", "phq/endpoint", s, s + m[0].length, m[0], endpointMessage(family2), d, { family: family2 });
        }
      },
      fixtures: [{ text: 'r = requests.get("https://api.predicthq.com/v1/events/")', options: { languageId: "python" } }]
    };
  }
});

// ../detect/src/rules/known-token.ts
var knownTokenRule;
var init_known_token = __esm({
  "../detect/src/rules/known-token.ts"() {
    "use strict";
    init_fingerprint();
    init_env_reference();
    init_line();
    init_messages();
    init_patterns();
    init_shape();
    knownTokenRule = {
      id: "phq/known-token",
      kind: "known-token",
      overlap: "token",
      severity: "error",
      sarif: {
        name: "KnownToken",
        short: "One of your API tokens is in the file",
        full: "The value matches the fingerprint of one of your tokens."
      },
      docs: "known-token",
      runsIn: "engine",
      triggers: [],
      extraTriggers: (ctx) => ctx.known ? [TOKEN_RUN] : [],
      mayFire: (ctx, lt) => ctx.known !== null && hasTokenRun(lt, 16),
      judge(lc, lt) {
        const known = lc.ctx.known;
        if (!known) return;
        const re = TOKEN_RUN;
        re.lastIndex = 0;
        for (let m = re.exec(lt); m; m = re.exec(lt)) {
          const fp = fingerprint(m[0]);
          const tok = known.get(fp);
          if (!tok) continue;
          const s = lc.ls + m.index;
          const d = dialectOf(lc, segAt(lc.segs, s));
          const masked = maskSecret(m[0]);
          const ref = envReference(d.languageId, lc.ctx.envVar);
          push(lc, "known-token", "phq/known-token", s, s + m[0].length, masked, knownMessage(tok.name, ref), d, {
            fingerprint: fp,
            tokenId: tok.id
          });
        }
      },
      fixtures: [
        {
          text: '# notes\nprod = "phqFixtureTokenValue0123456789abcdefABCDEF"',
          options: {
            languageId: "python",
            knownFingerprints: /* @__PURE__ */ new Map([
              [fingerprint("phqFixtureTokenValue0123456789abcdefABCDEF"), { id: "tok_fixture", name: "fixture" }]
            ])
          }
        }
      ]
    };
  }
});

// ../detect/src/rules/missing-scope.ts
var missingScopeRule;
var init_missing_scope = __esm({
  "../detect/src/rules/missing-scope.ts"() {
    "use strict";
    missingScopeRule = {
      id: "phq/missing-scope",
      kind: "missing-scope",
      severity: "warning",
      sarif: {
        name: "MissingScope",
        short: "The token lacks the scope of an API family the file calls",
        full: "The file calls an API family whose scope the token used for it does not have; PredictHQ answers 403."
      },
      docs: "missing-scope",
      runsIn: "server",
      triggers: [],
      fixtures: []
    };
  }
});

// ../detect/src/rules/placeholder-in-docs.ts
var placeholderInDocsRule;
var init_placeholder_in_docs = __esm({
  "../detect/src/rules/placeholder-in-docs.ts"() {
    "use strict";
    placeholderInDocsRule = {
      id: "phq/placeholder-in-docs",
      kind: "placeholder",
      overlap: "placeholder",
      severity: "warning",
      sarif: {
        name: "PlaceholderInDocs",
        short: "Token placeholder in a documentation example",
        full: "A Markdown code example uses a token placeholder (or a dummy token value) where it would be sent as written if copied."
      },
      docs: "placeholder-in-docs",
      runsIn: "engine",
      triggers: ["ken", "bearer"],
      reportedBy: "phq/placeholder",
      fixtures: [
        {
          text: '# Example\n\n```python\nh = {"Authorization": "Bearer $API_TOKEN"}\n```\n',
          options: { languageId: "markdown" }
        }
      ]
    };
  }
});

// ../detect/src/rules/index.ts
function ruleById(id) {
  return BY_ID.get(id);
}
function ruleDocsUrl(rule) {
  const r = typeof rule === "string" ? ruleById(rule) ?? { id: rule, docs: rule.replace(/^phq\//, "") } : rule;
  return `${RULES_DOC_URL}#${r.docs}`;
}
var RULES, BY_ID, RULES_DOC_URL;
var init_rules = __esm({
  "../detect/src/rules/index.ts"() {
    "use strict";
    init_browser_exposure();
    init_custom_placeholder();
    init_dummy_token();
    init_endpoint();
    init_hardcoded_token();
    init_known_token();
    init_missing_scope();
    init_placeholder_in_docs();
    init_placeholder();
    RULES = [
      placeholderRule,
      placeholderInDocsRule,
      customPlaceholderRule,
      dummyTokenRule,
      knownTokenRule,
      hardcodedTokenRule,
      browserExposureRule,
      endpointRule,
      missingScopeRule
    ];
    BY_ID = new Map(RULES.map((r) => [r.id, r]));
    RULES_DOC_URL = "https://github.com/predicthq-tokens/predicthq-tokens/blob/main/docs/rules.md";
  }
});

// ../detect/src/rules/judge.ts
function combinePrefilters(rules) {
  const sources = rules.filter((r) => r.prefilter).map((r) => r.prefilter.source);
  return sources.length ? new RegExp(sources.join("|"), "i") : null;
}
function compileRules(rules) {
  const engineRules = rules.filter((r) => r.runsIn === "engine" && r.judge);
  const judges = engineRules.map((r) => r.judge);
  const fnPrefilters = engineRules.filter((r) => r.mayFire).map((r) => r.mayFire);
  const extra = engineRules.filter((r) => r.extraTriggers).map((r) => r.extraTriggers);
  const anyPrefilter = combinePrefilters(engineRules);
  const defaults = new Map(rules.map((r) => [r.id, r.severity]));
  const group = /* @__PURE__ */ new Map();
  for (const r of rules) if (r.overlap) group.set(r.id, r.overlap === "placeholder" ? 1 : 2);
  const familyOf = (f) => group.get(f.ruleId) ?? 0;
  return {
    triggers: [...new Set(engineRules.flatMap((r) => r.triggers))],
    defaults,
    mayFire(ctx, lt) {
      if (anyPrefilter !== null && anyPrefilter.test(lt)) return true;
      for (const f of fnPrefilters) if (f(ctx, lt)) return true;
      return false;
    },
    extraTriggers(ctx) {
      const out2 = [];
      for (const f of extra) out2.push(...f(ctx));
      return out2;
    },
    judgeLine(ctx, text, ls, le, line, segs, out2, base = 0, suppressions = true) {
      const lt = text.slice(ls, le);
      const lc = {
        ctx,
        text,
        ls,
        le,
        base,
        line,
        segs,
        sup: suppressions ? suppressionFor(text, ls, le) : null,
        out: out2,
        sinks: void 0,
        defaults
      };
      const from = out2.length;
      for (const judge2 of judges) judge2(lc, lt);
      if (out2.length - from > 1) {
        const mine = out2.splice(from);
        const kept = [];
        for (const f of mine) {
          const fam = familyOf(f);
          if (fam !== 0 && kept.some((g) => familyOf(g) === fam && g.offset < f.offset + f.length && f.offset < g.offset + g.length))
            continue;
          kept.push(f);
        }
        kept.sort(compareFindings);
        for (const f of kept) out2.push(f);
      }
    }
  };
}
function compareFindings(a, b2) {
  return a.offset - b2.offset || a.length - b2.length || (a.ruleId < b2.ruleId ? -1 : a.ruleId > b2.ruleId ? 1 : 0);
}
var BUILT_IN_RULES;
var init_judge = __esm({
  "../detect/src/rules/judge.ts"() {
    "use strict";
    init_rules();
    init_suppress();
    BUILT_IN_RULES = compileRules(RULES);
  }
});

// ../detect/src/triggers.ts
function isKen(text, i) {
  if (lower(text.charCodeAt(i + 1)) !== 101) return false;
  const c = lower(text.charCodeAt(i + 2));
  return c === 110 || c === 121;
}
function isBearer(text, i) {
  return lower(text.charCodeAt(i + 1)) === 101 && lower(text.charCodeAt(i + 2)) === 97 && lower(text.charCodeAt(i + 3)) === 114 && lower(text.charCodeAt(i + 4)) === 101 && lower(text.charCodeAt(i + 5)) === 114;
}
function isV1(text, i) {
  return i > 0 && text.charCodeAt(i - 1) === 47;
}
function anchorsFor(t) {
  switch (t) {
    case "ken":
      return [
        { needle: String.fromCharCode(k), verify: isKen, at: -2 },
        { needle: String.fromCharCode(K), verify: isKen, at: -2 }
      ];
    case "bearer":
      return [
        { needle: String.fromCharCode(b), verify: isBearer, at: -2 },
        { needle: String.fromCharCode(B), verify: isBearer, at: -2 }
      ];
    case "v1":
      return [{ needle: "v1/", verify: isV1, at: -2 }];
  }
}
var k, K, b, B, lower, TriggerFinder;
var init_triggers = __esm({
  "../detect/src/triggers.ts"() {
    "use strict";
    k = 107;
    K = 75;
    b = 98;
    B = 66;
    lower = (c) => c | 32;
    TriggerFinder = class {
      constructor(text, triggers) {
        this.text = text;
        this.anchors = triggers.flatMap(anchorsFor);
      }
      text;
      anchors;
      /** Position of the next trigger at or after `from`, or -1. */
      next(from) {
        let best = -1;
        for (const a of this.anchors) {
          if (a.at === -1) continue;
          if (a.at < from) a.at = this.search(a, from);
          if (a.at >= 0 && (best < 0 || a.at < best)) best = a.at;
        }
        return best;
      }
      search(a, from) {
        const text = this.text;
        for (let i = text.indexOf(a.needle, from); i >= 0; i = text.indexOf(a.needle, i + 1)) {
          if (a.verify(text, i)) return i;
        }
        return -1;
      }
    };
  }
});

// ../detect/src/engine.ts
function countNewlines(text, from, to) {
  let n = 0;
  for (let p = text.indexOf("\n", from); p >= 0 && p < to; p = text.indexOf("\n", p + 1)) n++;
  return n;
}
function countLineBreaks(text, from, to) {
  let n = countNewlines(text, from, to);
  for (let p = text.indexOf("\r", from); p >= 0 && p < to; p = text.indexOf("\r", p + 1))
    if (text.charCodeAt(p + 1) !== 10) n++;
  return n;
}
function normalizeBreaks(text) {
  if (text.indexOf("\r") < 0) return text;
  LONE_CR.lastIndex = 0;
  return LONE_CR.test(text) ? text.replace(LONE_CR, "\n") : text;
}
function lineEnd(text, ls, nl) {
  let le = nl < 0 ? text.length : nl;
  if (le > ls && text.charCodeAt(le - 1) === 13) le--;
  return le;
}
function scanBlock(ctx, text, walker, from, to, out2, base = 0, finish = true) {
  const region = from === 0 && to >= text.length ? text : text.slice(from, to);
  const rules = ctx.rules ?? BUILT_IN_RULES;
  const triggers = new TriggerFinder(region, rules.triggers);
  const res = rules.extraTriggers(ctx);
  const next = res.map(() => -2);
  let pos = from;
  const segs = [];
  let suppressions;
  let forced = -1;
  if (from > 0 && continuedAbove(text, from) !== null) forced = from;
  for (; ; ) {
    const tt = triggers.next(pos - from);
    let t = tt < 0 ? Infinity : tt + from;
    if (forced >= pos && forced < t) t = forced;
    for (let r = 0; r < res.length; r++) {
      if (next[r] !== -1 && next[r] < pos) {
        const re = res[r];
        re.lastIndex = pos - from;
        const m = re.exec(region);
        next[r] = m ? m.index + from : -1;
        if (m && m[0].length === 0) next[r] = -1;
      }
      if (next[r] >= 0 && next[r] < t) t = next[r];
    }
    if (t >= to) break;
    const ls = text.lastIndexOf("\n", t - 1) + 1;
    const nl = text.indexOf("\n", ls);
    const le = lineEnd(text, ls, nl);
    const nextLine = nl < 0 ? text.length + 1 : nl + 1;
    const lt = text.slice(ls, le);
    const wasForced = ls === forced;
    if (nextLine < to && continuedAbove(text, nextLine) !== null) forced = nextLine;
    if (!wasForced && !rules.mayFire(ctx, lt)) {
      pos = nextLine;
      if (pos >= to) break;
      continue;
    }
    walker.advance(ls);
    segs.length = 0;
    walker.lexLine(segs);
    const line = () => walker.lineAt(ls);
    suppressions ??= hasSuppression(text);
    rules.judgeLine(ctx, text, ls, le, line, segs, out2, base, suppressions);
    pos = walker.cur.pos;
    if (pos >= to) break;
  }
  if (finish) walker.advance(Math.min(to, text.length));
}
function hasSuppression(text) {
  for (let i = text.indexOf("q-ig"); i >= 0; i = text.indexOf("q-ig", i + 1)) {
    if (text.startsWith("phq-ignore", i - 2)) return true;
  }
  return false;
}
var LONE_CR, Walker;
var init_engine = __esm({
  "../detect/src/engine.ts"() {
    "use strict";
    init_judge();
    init_continuation();
    init_triggers();
    LONE_CR = /\r(?!\n)/g;
    Walker = class {
      constructor(text, lexer, cur, exhaustive = false) {
        this.text = text;
        this.lexer = lexer;
        this.cur = cur;
        this.exhaustive = exhaustive;
        this.countedPos = cur.pos;
        this.countedLine = cur.line;
      }
      text;
      lexer;
      cur;
      exhaustive;
      /** Per relevant-substring set (same array each time), the next occurrence of each member. */
      found = /* @__PURE__ */ new Map();
      lastSubs = null;
      lastAt = void 0;
      /** Line numbers are counted lazily, only up to the lines that are judged. */
      countedPos;
      countedLine;
      /** 0-based line number of line start `ls` (at or after the previous call's). */
      lineAt(ls) {
        this.countedLine += countNewlines(this.text, this.countedPos, ls);
        this.countedPos = ls;
        return this.countedLine;
      }
      /** First occurrence of any of `subs` at or after `from` (cursors only move forward), or -1. */
      nextOf(subs, from) {
        let at = subs === this.lastSubs ? this.lastAt : this.found.get(subs);
        if (!at) this.found.set(subs, at = subs.map(() => -2));
        this.lastSubs = subs;
        this.lastAt = at;
        let best = -1;
        for (let i = 0; i < subs.length; i++) {
          let p = at[i];
          if (p === -2 || p >= 0 && p < from) {
            p = at[i] = this.text.indexOf(subs[i], from);
          }
          if (p >= 0 && (best < 0 || p < best)) best = p;
        }
        return best;
      }
      /** Lexes the line at the cursor, moving the cursor to the next line; returns the line end. */
      lexLine(segs) {
        const { cur, text } = this;
        const nl = text.indexOf("\n", cur.pos);
        const le = lineEnd(text, cur.pos, nl);
        this.lexer.lexLine(cur.state, text, cur.pos, le, segs);
        cur.pos = nl < 0 ? text.length + 1 : nl + 1;
        return le;
      }
      /** Moves the cursor to line start `target`, lexing only the lines that may change the state. */
      advance(target) {
        const { cur, text } = this;
        while (cur.pos < target) {
          const rel = this.exhaustive ? null : this.lexer.relevant(cur.state);
          if (rel === null) {
            this.lexLine(null);
            continue;
          }
          const next = rel.length === 0 ? -1 : this.nextOf(rel, cur.pos);
          if (next < 0 || next >= target) {
            cur.pos = target;
            return;
          }
          let ls = next;
          while (ls > cur.pos && text.charCodeAt(ls - 1) !== 10) ls--;
          cur.pos = ls;
          this.lexLine(null);
        }
      }
    };
  }
});

// ../settings/src/index.ts
var DEFAULT_API_URL, DEFAULT_ENV_VAR, DEFAULT_SETTINGS, EXTENSION_DEFAULTS, ALL_DEFAULTS;
var init_src2 = __esm({
  "../settings/src/index.ts"() {
    "use strict";
    DEFAULT_API_URL = "https://api.predicthq.com";
    DEFAULT_ENV_VAR = "PHQ_API_TOKEN";
    DEFAULT_SETTINGS = Object.freeze({
      enable: true,
      envVarName: DEFAULT_ENV_VAR,
      extraPatterns: [],
      markdownProse: false,
      severity: {},
      severityByLanguage: {},
      maxDiagnostics: 1e3
    });
    EXTENSION_DEFAULTS = Object.freeze({
      apiUrl: DEFAULT_API_URL,
      emulatorUrl: "http://127.0.0.1:4010",
      webAppUrl: "https://control.predicthq.com/",
      webAppTokensUrl: "https://control.predicthq.com/tokens",
      ignore: Object.freeze(["**/node_modules/**", "**/dist/**", "**/*.min.js"]),
      scanWorkspaceOnStartup: false,
      "clipboard.clearAfterSeconds": 0,
      "tree.sortBy": "name",
      "tree.pageSize": 200,
      "network.retries": 3,
      "trace.server": "off",
      injectIntoDebugSessions: false
    });
    ALL_DEFAULTS = Object.freeze({
      ...DEFAULT_SETTINGS,
      ...EXTENSION_DEFAULTS
    });
  }
});

// ../detect/src/rules/context.ts
function compilePattern(source) {
  try {
    const re = new RegExp(source, "g");
    if (re.test("")) return "the pattern matches the empty string";
    return re;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
function compileOptions(options) {
  const aboutPhq2 = options.aboutPredictHQ === true || PHQ_CONF.test(options.fileName ?? "");
  const extra = [];
  for (const p of options.extraPatterns ?? []) {
    const re = compilePattern(p);
    if (typeof re !== "string") extra.push(re);
  }
  const dialect = dialectFor(options.languageId, options.fileName);
  return {
    dialect,
    envVar: options.envVarName || DEFAULT_ENV_VAR,
    extra,
    known: options.knownFingerprints && options.knownFingerprints.size > 0 ? options.knownFingerprints : null,
    prose: options.markdownProse === true,
    severities: options.severities ?? {},
    testCode: isTestPath(options.fileName),
    phqDoc: aboutPhq2 ? true : void 0,
    fixedPhq: aboutPhq2,
    shellStrings: /(?:^|[\\/])package\.json$/i.test(options.fileName ?? ""),
    // A notebook read as JSON text (an editor showing the .ipynb's source); a notebook's
    // cells are judged by src/notebook/ in their own language.
    notebook: /\.ipynb$/i.test(options.fileName ?? "") && /^json/.test(options.languageId),
    rules: options.rules,
    template: isTemplate(options.fileName, dialect.languageId),
    follow: void 0
  };
}
var PHQ_CONF;
var init_context = __esm({
  "../detect/src/rules/context.ts"() {
    "use strict";
    init_dialects();
    init_templates();
    init_test_paths();
    init_src2();
    init_src2();
    PHQ_CONF = /(?:^|[\\/])predicthq\.conf$/i;
  }
});

// ../detect/src/scan.ts
function scan(text, options) {
  return scanWith(text, options, false);
}
function scanWith(raw, options, exhaustive) {
  return scanFollowing(raw, options, exhaustive).findings;
}
function scanFollowing(raw, options, exhaustive = false) {
  const text = normalizeBreaks(raw);
  const ctx = compileOptions(options);
  const out2 = [];
  const walker = new Walker(text, ctx.dialect.lexer, { pos: 0, line: 0, state: initialState() }, exhaustive);
  scanBlock(ctx, text, walker, 0, text.length, out2, 0, false);
  if (ctx.follow) {
    const n = out2.length;
    reportFollowed(ctx, text, out2);
    if (out2.length > n) out2.sort(compareFindings);
  }
  return { findings: out2, followed: ctx.follow !== void 0 };
}
var init_scan = __esm({
  "../detect/src/scan.ts"() {
    "use strict";
    init_engine();
    init_types2();
    init_context();
    init_follow();
    init_judge();
  }
});

// ../detect/src/document-scanner.ts
var init_document_scanner = __esm({
  "../detect/src/document-scanner.ts"() {
    "use strict";
    init_engine();
    init_types2();
    init_context();
    init_markdown();
    init_sink_names();
    init_scan();
  }
});

// ../detect/src/env-file.ts
var init_env_file = __esm({
  "../detect/src/env-file.ts"() {
    "use strict";
  }
});

// ../../node_modules/.pnpm/ignore@7.0.17/node_modules/ignore/index.js
var require_ignore = __commonJS({
  "../../node_modules/.pnpm/ignore@7.0.17/node_modules/ignore/index.js"(exports2, module2) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH2 = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key2, value) => {
      Object.defineProperty(object, key2, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out2 = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH2 && index + 2 === length) {
            out2 += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out2 += pattern.slice(index, index + 2);
          } else {
            out2 += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out2 += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out2 += hold(NEVER_MATCH);
            index = length;
          } else {
            out2 += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out2 += char;
          index++;
        }
      }
      return {
        source: out2,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match) => `\\${match}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH2
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH2
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str2) => index + 6 < str2.length ? str2.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH2 ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run.length && !run[index].wildcard; index++) {
        separator += run[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out2 = EMPTY;
      let run = [];
      const flush = () => {
        let lastWildcard;
        run.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run.forEach((token, at) => {
          if (!token.wildcard) {
            out2 += token.single;
            return;
          }
          out2 += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at)})[^\\/])*`;
        });
        run = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush();
        out2 += token.boundary;
      });
      flush();
      return out2;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH2) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH2);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path10) => {
      const end = path10.length - 1;
      const index = path10.lastIndexOf(
        SLASH2,
        path10[end] === SLASH2 ? end - 1 : end
      );
      return index < 0 ? path10 : path10.slice(index + 1);
    };
    var parentOf = (path10) => {
      if (path10.charCodeAt(0) === SLASH_CODE || path10.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path10.split(SLASH2).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH2) + SLASH2 : EMPTY;
      }
      const end = path10.length - 1;
      const cut = path10.lastIndexOf(
        SLASH2,
        path10.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path10.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key2 = UNDERSCORE + MODE_IGNORE;
        if (this[key2]) {
          return this[key2];
        }
        return this._make(MODE_IGNORE, key2);
      }
      get checkRegex() {
        const key2 = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key2]) {
          return this[key2];
        }
        return this._make(MODE_CHECK_IGNORE, key2);
      }
      _make(mode, key2) {
        const str2 = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str2, "i") : new RegExp(str2);
        return define(this, key2, regex);
      }
    };
    var hasTrailingBackslash = (str2) => {
      let count = 0;
      while (str2[str2.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd2 = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd2 - 1] === "\r") {
          lineEnd2--;
        }
        end = lineEnd2;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd2 = end - 1;
      }
      if (end === lineEnd2) {
        return body.slice(0, lineEnd2);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path10) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH2 ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path10)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path10, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename = shortcut ? basenameOf(path10) : path10;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename : path10
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path10, originalPath, doThrow) => {
      if (!isString(path10)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path10) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path10)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path10) => {
      const first = path10.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path10.length === 1) {
        return true;
      }
      const second = path10.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path10.length === 2 || path10.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path10) {
        checkPath(
          path10,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path10 ? this._t(path10, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path10 = convertPath(target);
        if (!path10 || path10.charCodeAt(path10.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path10);
        }
        const dir = this._t(path10, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path10);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path10, cache) {
        const cached = cache[path10];
        if (cached) {
          return cached;
        }
        const parentPath = parentOf(path10);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path10] = parent && parent.ignored ? parent : this._rules.test(path10, MODE_IGNORE);
      }
      ignores(path10) {
        return this._test(path10, this._ignoreCache, convertPath(path10)).ignored;
      }
      createFilter() {
        return (path10) => !this.ignores(path10);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path10) {
        return this._test(path10, this._testCache, convertPath(path10));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path10) => checkPath(convertPath(path10), path10, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str2) => /^\\\\\?\\/.test(str2) || /["<>|\u0000-\u001F]+/u.test(str2) ? str2 : str2.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path10) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path10) || isNotRelative(path10);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module2.exports = factory;
    factory.default = factory;
    module2.exports.isPathValid = isPathValid;
    define(module2.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// ../detect/src/paths.ts
function createPathFilter(globs) {
  const ig = (0, import_ignore.default)().add(globs.filter((g) => g.trim() !== ""));
  return {
    ignores(relativePath) {
      const p = relativePath.replace(/\\/g, "/").replace(/^\.\//, "");
      if (p === "" || p.startsWith("../") || p.startsWith("/")) return false;
      return ig.ignores(p);
    }
  };
}
var import_ignore;
var init_paths = __esm({
  "../detect/src/paths.ts"() {
    "use strict";
    import_ignore = __toESM(require_ignore());
  }
});

// ../detect/src/kinds.ts
var init_kinds = __esm({
  "../detect/src/kinds.ts"() {
    "use strict";
  }
});

// ../detect/src/notebook/ipython.ts
function kernelLanguageId(kernelLanguage) {
  if (kernelLanguage === void 0 || kernelLanguage === "") return "python";
  return KERNELS[kernelLanguage.toLowerCase()] ?? null;
}
function cellMagicLanguage(name, arg) {
  switch (name) {
    case "bash":
    case "sh":
      return "shellscript";
    case "script": {
      const prog = arg.split(/\s+/)[0]?.replace(/^.*\//, "") ?? "";
      if (/^(?:ba|z|k)?sh$/.test(prog)) return "shellscript";
      if (/^python\d?(?:\.\d+)?$/.test(prog)) return "python";
      if (prog === "ruby") return "ruby";
      if (prog === "node") return "javascript";
      return null;
    }
    case "javascript":
    case "js":
      return "javascript";
    case "html":
      return "html";
    case "markdown":
      return "markdown";
    case "ruby":
      return "ruby";
    case "powershell":
      return "powershell";
    case "writefile":
    case "file": {
      const file = arg.split(/\s+/).filter((w) => w && !w.startsWith("-")).pop();
      return (file && languageFromFileName(file)) ?? null;
    }
    // Cell magics that run their body as Python.
    case "time":
    case "timeit":
    case "capture":
    case "prun":
    case "debug":
    case "python":
    case "python3":
      return "python";
    default:
      return null;
  }
}
function ipythonViews(source, pythonNames) {
  const magic = CELL_MAGIC.exec(source);
  if (magic) {
    const lang = cellMagicLanguage(magic[1], magic[2]);
    const body = blank(magic[0]) + source.slice(magic[0].length);
    if (lang === "python") return ipythonViews(body, pythonNames);
    return [{ languageId: lang, text: body }];
  }
  const py = [];
  const sh = [];
  const env = [];
  const substituted = [];
  let hasShell = false;
  let hasEnv = false;
  let at = 0;
  for (const line of source.split("\n")) {
    const s = SHELL_LINE.exec(line);
    const e = s ? null : ENV_LINE.exec(line);
    const m = s || e ? null : MAGIC_LINE.exec(line);
    if (s) {
      hasShell = true;
      py.push(s[1] + blank(line.slice(s[1].length)));
      sh.push(blank(s[0]) + line.slice(s[0].length));
      SUBST.lastIndex = s[0].length;
      for (let x = SUBST.exec(line); x; x = SUBST.exec(line)) {
        if (pythonNames.has(x[1] ?? x[2])) substituted.push([at + x.index, at + x.index + x[0].length]);
      }
      env.push(blank(line));
    } else if (e) {
      hasEnv = true;
      py.push(blank(line));
      sh.push(blank(line));
      const sep = e[3].includes("=") ? e[3] : "=" + e[3].slice(1);
      env.push(blank(e[1]) + e[2] + sep + line.slice(e[0].length));
    } else if (m) {
      py.push(m[1] + blank(line.slice(m[1].length)));
      sh.push(blank(line));
      env.push(blank(line));
    } else {
      py.push(line);
      sh.push(blank(line));
      env.push(blank(line));
    }
    at += line.length + 1;
  }
  const views = [{ languageId: "python", text: py.join("\n") }];
  if (hasShell) views.push({ languageId: "shellscript", text: sh.join("\n"), substituted });
  if (hasEnv) views.push({ languageId: "dotenv", text: env.join("\n") });
  return views;
}
function pythonNamesIn(sources) {
  const names = /* @__PURE__ */ new Set();
  for (const s of sources) {
    for (const m of s.matchAll(ASSIGNED)) names.add(m[1]);
    for (const m of s.matchAll(IMPORTED)) names.add(m[1]);
  }
  return names;
}
var KERNELS, CELL_MAGIC, SHELL_LINE, ENV_LINE, MAGIC_LINE, SUBST, blank, ASSIGNED, IMPORTED;
var init_ipython = __esm({
  "../detect/src/notebook/ipython.ts"() {
    "use strict";
    init_languages();
    KERNELS = {
      python: "python",
      python3: "python",
      ipython: "python",
      r: "r",
      javascript: "javascript",
      typescript: "typescript",
      bash: "shellscript",
      shellscript: "shellscript",
      // VS Code's id for a bash kernel's cells
      sh: "shellscript",
      shell: "shellscript",
      zsh: "shellscript",
      powershell: "powershell",
      java: "java",
      scala: "scala",
      kotlin: "kotlin",
      go: "go",
      rust: "rust",
      ruby: "ruby",
      "c#": "csharp",
      csharp: "csharp",
      "c++": "cpp",
      "c++17": "cpp",
      cpp: "cpp",
      c: "c",
      php: "php",
      lua: "lua"
      // No lexer here: Julia and Perl interpolate `$name` inside double quotes, SQL has none of
      // our sinks' shapes; judging them as anything else would invent findings.
    };
    CELL_MAGIC = /^%%([A-Za-z_]\w*)[ \t]*([^\n]*)/;
    SHELL_LINE = /^([ \t]*(?:[A-Za-z_][\w.]*[ \t]*=[ \t]*)?)!!?/;
    ENV_LINE = /^([ \t]*%(?:set_)?env[ \t]+)([A-Za-z_]\w*)([ \t]*=[ \t]*|[ \t]+)(?=\S)/;
    MAGIC_LINE = /^([ \t]*(?:[A-Za-z_][\w.]*[ \t]*=[ \t]*)?)%/;
    SUBST = /\$([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\}/g;
    blank = (s) => s.replace(/[^\n]/g, " ");
    ASSIGNED = /^[ \t]*(?:for[ \t]+)?([A-Za-z_]\w*)[ \t]*(?:[:=]|in\b|,)/gm;
    IMPORTED = /\bimport[ \t]+(?:\w+[ \t]+as[ \t]+)?([A-Za-z_]\w*)/g;
  }
});

// ../detect/src/notebook/cell.ts
function cellViews(source, opts) {
  if (opts.kind === "markdown") return [{ languageId: "markdown", text: source }];
  if (opts.kind === "raw") return [{ languageId: null, text: source }];
  const lang = kernelLanguageId(opts.kernelLanguage);
  if (lang === "python") return ipythonViews(source, opts.pythonNames ?? /* @__PURE__ */ new Set());
  return [{ languageId: lang, text: source }];
}
function scanCell(source, opts) {
  const { kind: _kind, kernelLanguage: _k, pythonNames: _n, ...base } = opts;
  const out2 = [];
  for (const view of cellViews(source, opts)) {
    let found = scan(view.text, { ...base, languageId: view.languageId ?? "plaintext" });
    if (view.languageId === null) found = found.filter((f) => TOKEN_KINDS.has(f.kind));
    const subst = view.substituted;
    if (subst && subst.length > 0)
      found = found.filter((f) => !subst.some(([a, b2]) => f.offset < b2 && f.offset + f.length > a));
    out2.push(...found);
  }
  if (out2.length > 1) out2.sort((a, b2) => a.offset - b2.offset || a.length - b2.length);
  return out2;
}
function scanOutputText(text, opts) {
  const plain2 = text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, (m) => " ".repeat(m.length));
  const opt = { ...opts, aboutPredictHQ: true };
  const found = [...scan(plain2, { ...opt, languageId: "plaintext" }), ...scan(plain2, { ...opt, languageId: "python" })];
  const seen = /* @__PURE__ */ new Set();
  return found.filter(
    (f) => TOKEN_KINDS.has(f.kind) && opts.severities?.[f.ruleId] !== "off" && !seen.has(f.offset) && seen.add(f.offset)
  ).sort((a, b2) => a.offset - b2.offset).map((f) => ({ ...f, severity: "error" }));
}
var TOKEN_KINDS;
var init_cell = __esm({
  "../detect/src/notebook/cell.ts"() {
    "use strict";
    init_scan();
    init_ipython();
    TOKEN_KINDS = /* @__PURE__ */ new Set(["hardcoded-token", "known-token"]);
  }
});

// ../detect/src/notebook/json.ts
function parseJson(text) {
  let p = 0;
  let nextBackslash = -2;
  const fail = (what) => {
    throw new NotebookFormatError(
      p >= text.length ? `unexpected end of JSON (${what})` : `invalid JSON at offset ${p} (${what})`,
      p
    );
  };
  const ws = () => {
    for (; ; ) {
      const c = text.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else return;
    }
  };
  const str2 = () => {
    const start = ++p;
    let esc = false;
    for (; ; ) {
      const q = text.indexOf('"', p);
      if (q < 0) {
        p = text.length;
        fail("unterminated string");
      }
      if (nextBackslash !== -1 && nextBackslash < p) nextBackslash = text.indexOf("\\", p);
      if (nextBackslash < 0 || nextBackslash > q) {
        p = q + 1;
        break;
      }
      esc = true;
      p = nextBackslash + 2;
      nextBackslash = -2;
    }
    return { t: "s", start, end: p - 1, esc };
  };
  const value = (depth) => {
    if (depth > 512) fail("nested too deeply");
    ws();
    const c = text.charCodeAt(p);
    const start = p;
    if (c === 34) return str2();
    if (c === 123) {
      p++;
      const map = /* @__PURE__ */ new Map();
      ws();
      if (text.charCodeAt(p) === 125) {
        p++;
        return { t: "o", start, map };
      }
      for (; ; ) {
        ws();
        if (text.charCodeAt(p) !== 34) fail("expected a key");
        const k2 = str2();
        ws();
        if (text.charCodeAt(p) !== 58) fail("expected ':'");
        p++;
        map.set(decodeString(text, k2), value(depth + 1));
        ws();
        const d = text.charCodeAt(p++);
        if (d === 125) return { t: "o", start, map };
        if (d !== 44) {
          p--;
          fail("expected ',' or '}'");
        }
      }
    }
    if (c === 91) {
      p++;
      const items = [];
      ws();
      if (text.charCodeAt(p) === 93) {
        p++;
        return { t: "a", start, items };
      }
      for (; ; ) {
        items.push(value(depth + 1));
        ws();
        const d = text.charCodeAt(p++);
        if (d === 93) return { t: "a", start, items };
        if (d !== 44) {
          p--;
          fail("expected ',' or ']'");
        }
      }
    }
    if (text.startsWith("true", p) || text.startsWith("null", p)) {
      p += 4;
      return { t: c === 110 ? "z" : "b", start };
    }
    if (text.startsWith("false", p)) {
      p += 5;
      return { t: "b", start };
    }
    NUMBER.lastIndex = p;
    if (NUMBER.test(text)) {
      p = NUMBER.lastIndex;
      return { t: "n", start };
    }
    return fail("expected a value");
  };
  const root = value(0);
  ws();
  if (p < text.length) fail("text after the JSON value");
  return root;
}
function decodeString(text, s) {
  const raw = text.slice(s.start, s.end);
  if (CONTROL.test(raw)) throw new NotebookFormatError("control character in a JSON string", s.start);
  if (!s.esc) return raw;
  try {
    return JSON.parse(`"${raw}"`);
  } catch {
    throw new NotebookFormatError("invalid escape in a JSON string", s.start);
  }
}
function rawOffset(text, s, at) {
  if (!s.esc) return s.start + at;
  let p = s.start;
  for (let k2 = 0; k2 < at && p < s.end; k2++) {
    if (text.charCodeAt(p) === 92) p += text.charCodeAt(p + 1) === 117 ? 6 : 2;
    else p++;
  }
  return p;
}
var NotebookFormatError, NUMBER, CONTROL;
var init_json = __esm({
  "../detect/src/notebook/json.ts"() {
    "use strict";
    NotebookFormatError = class extends Error {
      constructor(message, offset) {
        super(message);
        this.offset = offset;
        this.name = "NotebookFormatError";
      }
      offset;
    };
    NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    CONTROL = /[\u0000-\u001f]/;
  }
});

// ../detect/src/notebook/model.ts
function numberAt(text, at) {
  return /^-?[\d.eE+-]+/.exec(text.slice(at, at + 24))?.[0] ?? "";
}
function obj(v, what, at) {
  if (v?.t !== "o") throw new NotebookFormatError(`${what} is not a JSON object`, v?.start ?? at);
  return v.map;
}
function stringOf(text, v) {
  return v?.t === "s" ? decodeString(text, v) : void 0;
}
function sourced(text, v, what, separator = "") {
  const out2 = { text: "", pieces: [] };
  if (v === void 0) return out2;
  const nodes = v.t === "s" ? [v] : v.t === "a" ? v.items : null;
  if (!nodes) throw new NotebookFormatError(`${what} is not a string or a list of strings`, v.start);
  const parts = [];
  let at = 0;
  for (const n of nodes) {
    if (n.t !== "s") throw new NotebookFormatError(`${what} is not a string or a list of strings`, n.start);
    if (parts.length > 0 && separator) {
      parts.push(separator);
      at += separator.length;
    }
    const s = decodeString(text, n);
    out2.pieces.push({ at, node: n });
    parts.push(s);
    at += s.length;
  }
  out2.text = parts.join("");
  return out2;
}
function readNotebook(text) {
  const root = obj(parseJson(text), "the notebook", 0);
  const major = root.get("nbformat");
  const majorText = major?.t === "n" ? numberAt(text, major.start) : "";
  if (major !== void 0 && majorText !== "4")
    throw new NotebookFormatError(
      majorText ? `nbformat ${majorText} is not supported (nbformat 4 is)` : "nbformat is not a number",
      major.start
    );
  const minorNode = root.get("nbformat_minor");
  const nbformatMinor = minorNode?.t === "n" ? Number(numberAt(text, minorNode.start)) : 0;
  const meta = root.get("metadata");
  const metadata = meta?.t === "o" ? meta.map : /* @__PURE__ */ new Map();
  const spec = metadata.get("kernelspec");
  const info2 = metadata.get("language_info");
  const kernelLanguage = (spec?.t === "o" ? stringOf(text, spec.map.get("language")) : void 0) || (info2?.t === "o" ? stringOf(text, info2.map.get("name")) : void 0);
  const cellsNode = root.get("cells");
  if (cellsNode?.t !== "a") throw new NotebookFormatError("no list of cells: not an nbformat 4 notebook", 0);
  const cells = cellsNode.items.map((c, index) => {
    const m = obj(c, `cell ${index + 1}`, cellsNode.start);
    const kind = stringOf(text, m.get("cell_type"));
    if (kind !== "code" && kind !== "markdown" && kind !== "raw")
      throw new NotebookFormatError(`cell ${index + 1} has no known cell_type`, c.start);
    const id = stringOf(text, m.get("id"));
    const outputs = [];
    const outs = m.get("outputs");
    if (kind === "code" && outs?.t === "a") {
      outs.items.forEach((o, oi) => {
        const om = obj(o, `an output of cell ${index + 1}`, outs.start);
        const texts = [];
        const what = `output ${oi + 1} of cell ${index + 1}`;
        switch (stringOf(text, om.get("output_type"))) {
          case "stream":
            texts.push(sourced(text, om.get("text"), what));
            break;
          case "execute_result":
          case "display_data": {
            const data = om.get("data");
            if (data?.t === "o") for (const mime of TEXT_MIMES) texts.push(sourced(text, data.map.get(mime), what));
            break;
          }
          case "error":
            texts.push(sourced(text, om.get("evalue"), what));
            texts.push(sourced(text, om.get("traceback"), what, "\n"));
            break;
          default:
            break;
        }
        outputs.push({ index: oi, texts: texts.filter((t) => t.pieces.length > 0) });
      });
    }
    return {
      index,
      ...id !== void 0 ? { id } : {},
      kind,
      source: sourced(text, m.get("source"), `the source of cell ${index + 1}`),
      outputs
    };
  });
  return { nbformatMinor, ...kernelLanguage ? { kernelLanguage: kernelLanguage.toLowerCase() } : {}, cells };
}
function fileOffset(text, st, at, isEnd) {
  const { pieces } = st;
  let i = pieces.length - 1;
  while (i > 0 && (isEnd ? pieces[i].at >= at : pieces[i].at > at)) i--;
  const piece = pieces[i];
  const len = st.text.length;
  const next = pieces[i + 1]?.at ?? len;
  const local = Math.max(0, Math.min(at - piece.at, next - piece.at));
  return rawOffset(text, piece.node, Math.min(local, decodedLength(text, piece.node)));
}
function decodedLength(text, node) {
  if (!node.esc) return node.end - node.start;
  let n = 0;
  for (let p = node.start; p < node.end; n++)
    p += text.charCodeAt(p) === 92 ? text.charCodeAt(p + 1) === 117 ? 6 : 2 : 1;
  return n;
}
var TEXT_MIMES;
var init_model = __esm({
  "../detect/src/notebook/model.ts"() {
    "use strict";
    init_json();
    TEXT_MIMES = ["text/plain", "text/html", "text/markdown", "text/latex", "application/javascript"];
  }
});

// ../detect/src/notebook/scan-notebook.ts
function cellLabel(c) {
  const id = c.id !== void 0 ? ` (id ${JSON.stringify(c.id)})` : "";
  return c.output !== void 0 ? `cell ${c.index + 1}${id}, output ${c.output + 1}` : `cell ${c.index + 1}${id}`;
}
function notebookContext(kernelLanguage, sources) {
  return {
    ...kernelLanguage !== void 0 ? { kernelLanguage } : {},
    aboutPredictHQ: sources.some(mentionsPhq),
    pythonNames: kernelLanguageId(kernelLanguage) === "python" ? pythonNamesIn(sources) : /* @__PURE__ */ new Set()
  };
}
function outputMessage(f, cell, options) {
  const known = f.kind === "known-token" && f.data.fingerprint ? options.knownFingerprints?.get(f.data.fingerprint) : void 0;
  const what = known ? `Your token "${known.name}"` : `An API token (${f.match})`;
  return `${cellLabel(cell)}: ${what} is saved in this cell's output, so the notebook file (and any commit of it) carries it. Clear the cell's outputs, then rotate the token: delete it in the WebApp and create a new one.`;
}
function scanNotebook(raw, options) {
  const text = normalizeBreaks(raw);
  const nb = readNotebook(text);
  const { languageId: _l, ...base } = options;
  const ctx = notebookContext(
    nb.kernelLanguage,
    nb.cells.map((c) => c.source.text)
  );
  const out2 = [];
  for (const cell of nb.cells) {
    const ref = { index: cell.index, ...cell.id !== void 0 ? { id: cell.id } : {} };
    if (cell.source.text) {
      const found = scanCell(cell.source.text, {
        ...base,
        kind: cell.kind,
        ...ctx.kernelLanguage !== void 0 ? { kernelLanguage: ctx.kernelLanguage } : {},
        pythonNames: ctx.pythonNames,
        aboutPredictHQ: options.aboutPredictHQ === true || ctx.aboutPredictHQ
      });
      for (const f of found) out2.push(relocate(text, cell.source, f, ref, `${cellLabel(ref)}: ${f.message}`));
    }
    for (const o of cell.outputs) {
      for (const st of o.texts) {
        for (const f of scanOutputText(st.text, base)) {
          const cellRef = { ...ref, output: o.index };
          out2.push(relocate(text, st, f, cellRef, outputMessage(f, cellRef, options)));
        }
      }
    }
  }
  return placeInFile(text, out2);
}
function relocate(text, st, f, cell, message) {
  const start = fileOffset(text, st, f.offset, false);
  const end = fileOffset(text, st, f.offset + f.length, true);
  return { ...f, offset: start, length: end - start, message, data: { ...f.data, cell } };
}
function placeInFile(text, list) {
  list.sort((a, b2) => a.offset - b2.offset || a.length - b2.length);
  let pos = 0;
  let line = 0;
  const at = (off) => {
    if (off < pos) {
      pos = 0;
      line = 0;
    }
    line += countLineBreaks(text, pos, off);
    pos = off;
    const ls = text.lastIndexOf("\n", off - 1) + 1;
    return { line, character: off - ls };
  };
  for (const f of list) {
    const start = at(f.offset);
    f.range = { start, end: at(f.offset + f.length) };
  }
  return list;
}
function isNotebookFile(name) {
  return /\.ipynb$/i.test(name);
}
var init_scan_notebook = __esm({
  "../detect/src/notebook/scan-notebook.ts"() {
    "use strict";
    init_engine();
    init_sink_names();
    init_cell();
    init_ipython();
    init_model();
    init_json();
  }
});

// ../detect/src/index.ts
var init_src3 = __esm({
  "../detect/src/index.ts"() {
    "use strict";
    init_types();
    init_scan();
    init_document_scanner();
    init_fingerprint();
    init_languages();
    init_env_reference();
    init_env_file();
    init_context();
    init_shape();
    init_patterns();
    init_paths();
    init_rules();
    init_judge();
    init_kinds();
    init_scan_notebook();
    init_cell();
    init_ipython();
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/codegen/code.js
var require_code = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/codegen/code.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.regexpCode = exports2.getEsmExportName = exports2.getProperty = exports2.safeStringify = exports2.stringify = exports2.strConcat = exports2.addCodeArg = exports2.str = exports2._ = exports2.nil = exports2._Code = exports2.Name = exports2.IDENTIFIER = exports2._CodeOrName = void 0;
    var _CodeOrName = class {
    };
    exports2._CodeOrName = _CodeOrName;
    exports2.IDENTIFIER = /^[a-z$_][a-z$_0-9]*$/i;
    var Name = class extends _CodeOrName {
      constructor(s) {
        super();
        if (!exports2.IDENTIFIER.test(s))
          throw new Error("CodeGen: name must be a valid identifier");
        this.str = s;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        return false;
      }
      get names() {
        return { [this.str]: 1 };
      }
    };
    exports2.Name = Name;
    var _Code = class extends _CodeOrName {
      constructor(code2) {
        super();
        this._items = typeof code2 === "string" ? [code2] : code2;
      }
      toString() {
        return this.str;
      }
      emptyStr() {
        if (this._items.length > 1)
          return false;
        const item = this._items[0];
        return item === "" || item === '""';
      }
      get str() {
        var _a;
        return (_a = this._str) !== null && _a !== void 0 ? _a : this._str = this._items.reduce((s, c) => `${s}${c}`, "");
      }
      get names() {
        var _a;
        return (_a = this._names) !== null && _a !== void 0 ? _a : this._names = this._items.reduce((names, c) => {
          if (c instanceof Name)
            names[c.str] = (names[c.str] || 0) + 1;
          return names;
        }, {});
      }
    };
    exports2._Code = _Code;
    exports2.nil = new _Code("");
    function _(strs, ...args) {
      const code2 = [strs[0]];
      let i = 0;
      while (i < args.length) {
        addCodeArg(code2, args[i]);
        code2.push(strs[++i]);
      }
      return new _Code(code2);
    }
    exports2._ = _;
    var plus = new _Code("+");
    function str2(strs, ...args) {
      const expr = [safeStringify(strs[0])];
      let i = 0;
      while (i < args.length) {
        expr.push(plus);
        addCodeArg(expr, args[i]);
        expr.push(plus, safeStringify(strs[++i]));
      }
      optimize(expr);
      return new _Code(expr);
    }
    exports2.str = str2;
    function addCodeArg(code2, arg) {
      if (arg instanceof _Code)
        code2.push(...arg._items);
      else if (arg instanceof Name)
        code2.push(arg);
      else
        code2.push(interpolate(arg));
    }
    exports2.addCodeArg = addCodeArg;
    function optimize(expr) {
      let i = 1;
      while (i < expr.length - 1) {
        if (expr[i] === plus) {
          const res = mergeExprItems(expr[i - 1], expr[i + 1]);
          if (res !== void 0) {
            expr.splice(i - 1, 3, res);
            continue;
          }
          expr[i++] = "+";
        }
        i++;
      }
    }
    function mergeExprItems(a, b2) {
      if (b2 === '""')
        return a;
      if (a === '""')
        return b2;
      if (typeof a == "string") {
        if (b2 instanceof Name || a[a.length - 1] !== '"')
          return;
        if (typeof b2 != "string")
          return `${a.slice(0, -1)}${b2}"`;
        if (b2[0] === '"')
          return a.slice(0, -1) + b2.slice(1);
        return;
      }
      if (typeof b2 == "string" && b2[0] === '"' && !(a instanceof Name))
        return `"${a}${b2.slice(1)}`;
      return;
    }
    function strConcat(c1, c2) {
      return c2.emptyStr() ? c1 : c1.emptyStr() ? c2 : str2`${c1}${c2}`;
    }
    exports2.strConcat = strConcat;
    function interpolate(x) {
      return typeof x == "number" || typeof x == "boolean" || x === null ? x : safeStringify(Array.isArray(x) ? x.join(",") : x);
    }
    function stringify(x) {
      return new _Code(safeStringify(x));
    }
    exports2.stringify = stringify;
    function safeStringify(x) {
      return JSON.stringify(x).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
    }
    exports2.safeStringify = safeStringify;
    function getProperty(key2) {
      return typeof key2 == "string" && exports2.IDENTIFIER.test(key2) ? new _Code(`.${key2}`) : _`[${key2}]`;
    }
    exports2.getProperty = getProperty;
    function getEsmExportName(key2) {
      if (typeof key2 == "string" && exports2.IDENTIFIER.test(key2)) {
        return new _Code(`${key2}`);
      }
      throw new Error(`CodeGen: invalid export name: ${key2}, use explicit $id name mapping`);
    }
    exports2.getEsmExportName = getEsmExportName;
    function regexpCode(rx) {
      return new _Code(rx.toString());
    }
    exports2.regexpCode = regexpCode;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/codegen/scope.js
var require_scope = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/codegen/scope.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.ValueScope = exports2.ValueScopeName = exports2.Scope = exports2.varKinds = exports2.UsedValueState = void 0;
    var code_1 = require_code();
    var ValueError = class extends Error {
      constructor(name) {
        super(`CodeGen: "code" for ${name} not defined`);
        this.value = name.value;
      }
    };
    var UsedValueState;
    (function(UsedValueState2) {
      UsedValueState2[UsedValueState2["Started"] = 0] = "Started";
      UsedValueState2[UsedValueState2["Completed"] = 1] = "Completed";
    })(UsedValueState || (exports2.UsedValueState = UsedValueState = {}));
    exports2.varKinds = {
      const: new code_1.Name("const"),
      let: new code_1.Name("let"),
      var: new code_1.Name("var")
    };
    var Scope = class {
      constructor({ prefixes, parent } = {}) {
        this._names = {};
        this._prefixes = prefixes;
        this._parent = parent;
      }
      toName(nameOrPrefix) {
        return nameOrPrefix instanceof code_1.Name ? nameOrPrefix : this.name(nameOrPrefix);
      }
      name(prefix) {
        return new code_1.Name(this._newName(prefix));
      }
      _newName(prefix) {
        const ng = this._names[prefix] || this._nameGroup(prefix);
        return `${prefix}${ng.index++}`;
      }
      _nameGroup(prefix) {
        var _a, _b;
        if (((_b = (_a = this._parent) === null || _a === void 0 ? void 0 : _a._prefixes) === null || _b === void 0 ? void 0 : _b.has(prefix)) || this._prefixes && !this._prefixes.has(prefix)) {
          throw new Error(`CodeGen: prefix "${prefix}" is not allowed in this scope`);
        }
        return this._names[prefix] = { prefix, index: 0 };
      }
    };
    exports2.Scope = Scope;
    var ValueScopeName = class extends code_1.Name {
      constructor(prefix, nameStr) {
        super(nameStr);
        this.prefix = prefix;
      }
      setValue(value, { property, itemIndex }) {
        this.value = value;
        this.scopePath = (0, code_1._)`.${new code_1.Name(property)}[${itemIndex}]`;
      }
    };
    exports2.ValueScopeName = ValueScopeName;
    var line = (0, code_1._)`\n`;
    var ValueScope = class extends Scope {
      constructor(opts) {
        super(opts);
        this._values = {};
        this._scope = opts.scope;
        this.opts = { ...opts, _n: opts.lines ? line : code_1.nil };
      }
      get() {
        return this._scope;
      }
      name(prefix) {
        return new ValueScopeName(prefix, this._newName(prefix));
      }
      value(nameOrPrefix, value) {
        var _a;
        if (value.ref === void 0)
          throw new Error("CodeGen: ref must be passed in value");
        const name = this.toName(nameOrPrefix);
        const { prefix } = name;
        const valueKey = (_a = value.key) !== null && _a !== void 0 ? _a : value.ref;
        let vs = this._values[prefix];
        if (vs) {
          const _name = vs.get(valueKey);
          if (_name)
            return _name;
        } else {
          vs = this._values[prefix] = /* @__PURE__ */ new Map();
        }
        vs.set(valueKey, name);
        const s = this._scope[prefix] || (this._scope[prefix] = []);
        const itemIndex = s.length;
        s[itemIndex] = value.ref;
        name.setValue(value, { property: prefix, itemIndex });
        return name;
      }
      getValue(prefix, keyOrRef) {
        const vs = this._values[prefix];
        if (!vs)
          return;
        return vs.get(keyOrRef);
      }
      scopeRefs(scopeName, values = this._values) {
        return this._reduceValues(values, (name) => {
          if (name.scopePath === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return (0, code_1._)`${scopeName}${name.scopePath}`;
        });
      }
      scopeCode(values = this._values, usedValues, getCode) {
        return this._reduceValues(values, (name) => {
          if (name.value === void 0)
            throw new Error(`CodeGen: name "${name}" has no value`);
          return name.value.code;
        }, usedValues, getCode);
      }
      _reduceValues(values, valueCode, usedValues = {}, getCode) {
        let code2 = code_1.nil;
        for (const prefix in values) {
          const vs = values[prefix];
          if (!vs)
            continue;
          const nameSet = usedValues[prefix] = usedValues[prefix] || /* @__PURE__ */ new Map();
          vs.forEach((name) => {
            if (nameSet.has(name))
              return;
            nameSet.set(name, UsedValueState.Started);
            let c = valueCode(name);
            if (c) {
              const def2 = this.opts.es5 ? exports2.varKinds.var : exports2.varKinds.const;
              code2 = (0, code_1._)`${code2}${def2} ${name} = ${c};${this.opts._n}`;
            } else if (c = getCode === null || getCode === void 0 ? void 0 : getCode(name)) {
              code2 = (0, code_1._)`${code2}${c}${this.opts._n}`;
            } else {
              throw new ValueError(name);
            }
            nameSet.set(name, UsedValueState.Completed);
          });
        }
        return code2;
      }
    };
    exports2.ValueScope = ValueScope;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/codegen/index.js
var require_codegen = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/codegen/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.or = exports2.and = exports2.not = exports2.CodeGen = exports2.operators = exports2.varKinds = exports2.ValueScopeName = exports2.ValueScope = exports2.Scope = exports2.Name = exports2.regexpCode = exports2.stringify = exports2.getProperty = exports2.nil = exports2.strConcat = exports2.str = exports2._ = void 0;
    var code_1 = require_code();
    var scope_1 = require_scope();
    var code_2 = require_code();
    Object.defineProperty(exports2, "_", { enumerable: true, get: function() {
      return code_2._;
    } });
    Object.defineProperty(exports2, "str", { enumerable: true, get: function() {
      return code_2.str;
    } });
    Object.defineProperty(exports2, "strConcat", { enumerable: true, get: function() {
      return code_2.strConcat;
    } });
    Object.defineProperty(exports2, "nil", { enumerable: true, get: function() {
      return code_2.nil;
    } });
    Object.defineProperty(exports2, "getProperty", { enumerable: true, get: function() {
      return code_2.getProperty;
    } });
    Object.defineProperty(exports2, "stringify", { enumerable: true, get: function() {
      return code_2.stringify;
    } });
    Object.defineProperty(exports2, "regexpCode", { enumerable: true, get: function() {
      return code_2.regexpCode;
    } });
    Object.defineProperty(exports2, "Name", { enumerable: true, get: function() {
      return code_2.Name;
    } });
    var scope_2 = require_scope();
    Object.defineProperty(exports2, "Scope", { enumerable: true, get: function() {
      return scope_2.Scope;
    } });
    Object.defineProperty(exports2, "ValueScope", { enumerable: true, get: function() {
      return scope_2.ValueScope;
    } });
    Object.defineProperty(exports2, "ValueScopeName", { enumerable: true, get: function() {
      return scope_2.ValueScopeName;
    } });
    Object.defineProperty(exports2, "varKinds", { enumerable: true, get: function() {
      return scope_2.varKinds;
    } });
    exports2.operators = {
      GT: new code_1._Code(">"),
      GTE: new code_1._Code(">="),
      LT: new code_1._Code("<"),
      LTE: new code_1._Code("<="),
      EQ: new code_1._Code("==="),
      NEQ: new code_1._Code("!=="),
      NOT: new code_1._Code("!"),
      OR: new code_1._Code("||"),
      AND: new code_1._Code("&&"),
      ADD: new code_1._Code("+")
    };
    var Node = class {
      optimizeNodes() {
        return this;
      }
      optimizeNames(_names, _constants) {
        return this;
      }
    };
    var Def = class extends Node {
      constructor(varKind, name, rhs) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.rhs = rhs;
      }
      render({ es5, _n }) {
        const varKind = es5 ? scope_1.varKinds.var : this.varKind;
        const rhs = this.rhs === void 0 ? "" : ` = ${this.rhs}`;
        return `${varKind} ${this.name}${rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (!names[this.name.str])
          return;
        if (this.rhs)
          this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        return this.rhs instanceof code_1._CodeOrName ? this.rhs.names : {};
      }
    };
    var Assign = class extends Node {
      constructor(lhs, rhs, sideEffects) {
        super();
        this.lhs = lhs;
        this.rhs = rhs;
        this.sideEffects = sideEffects;
      }
      render({ _n }) {
        return `${this.lhs} = ${this.rhs};` + _n;
      }
      optimizeNames(names, constants) {
        if (this.lhs instanceof code_1.Name && !names[this.lhs.str] && !this.sideEffects)
          return;
        this.rhs = optimizeExpr(this.rhs, names, constants);
        return this;
      }
      get names() {
        const names = this.lhs instanceof code_1.Name ? {} : { ...this.lhs.names };
        return addExprNames(names, this.rhs);
      }
    };
    var AssignOp = class extends Assign {
      constructor(lhs, op, rhs, sideEffects) {
        super(lhs, rhs, sideEffects);
        this.op = op;
      }
      render({ _n }) {
        return `${this.lhs} ${this.op}= ${this.rhs};` + _n;
      }
    };
    var Label = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        return `${this.label}:` + _n;
      }
    };
    var Break = class extends Node {
      constructor(label) {
        super();
        this.label = label;
        this.names = {};
      }
      render({ _n }) {
        const label = this.label ? ` ${this.label}` : "";
        return `break${label};` + _n;
      }
    };
    var Throw = class extends Node {
      constructor(error) {
        super();
        this.error = error;
      }
      render({ _n }) {
        return `throw ${this.error};` + _n;
      }
      get names() {
        return this.error.names;
      }
    };
    var AnyCode = class extends Node {
      constructor(code2) {
        super();
        this.code = code2;
      }
      render({ _n }) {
        return `${this.code};` + _n;
      }
      optimizeNodes() {
        return `${this.code}` ? this : void 0;
      }
      optimizeNames(names, constants) {
        this.code = optimizeExpr(this.code, names, constants);
        return this;
      }
      get names() {
        return this.code instanceof code_1._CodeOrName ? this.code.names : {};
      }
    };
    var ParentNode = class extends Node {
      constructor(nodes = []) {
        super();
        this.nodes = nodes;
      }
      render(opts) {
        return this.nodes.reduce((code2, n) => code2 + n.render(opts), "");
      }
      optimizeNodes() {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i].optimizeNodes();
          if (Array.isArray(n))
            nodes.splice(i, 1, ...n);
          else if (n)
            nodes[i] = n;
          else
            nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      optimizeNames(names, constants) {
        const { nodes } = this;
        let i = nodes.length;
        while (i--) {
          const n = nodes[i];
          if (n.optimizeNames(names, constants))
            continue;
          subtractNames(names, n.names);
          nodes.splice(i, 1);
        }
        return nodes.length > 0 ? this : void 0;
      }
      get names() {
        return this.nodes.reduce((names, n) => addNames(names, n.names), {});
      }
    };
    var BlockNode = class extends ParentNode {
      render(opts) {
        return "{" + opts._n + super.render(opts) + "}" + opts._n;
      }
    };
    var Root = class extends ParentNode {
    };
    var Else = class extends BlockNode {
    };
    Else.kind = "else";
    var If = class _If extends BlockNode {
      constructor(condition, nodes) {
        super(nodes);
        this.condition = condition;
      }
      render(opts) {
        let code2 = `if(${this.condition})` + super.render(opts);
        if (this.else)
          code2 += "else " + this.else.render(opts);
        return code2;
      }
      optimizeNodes() {
        super.optimizeNodes();
        const cond = this.condition;
        if (cond === true)
          return this.nodes;
        let e = this.else;
        if (e) {
          const ns = e.optimizeNodes();
          e = this.else = Array.isArray(ns) ? new Else(ns) : ns;
        }
        if (e) {
          if (cond === false)
            return e instanceof _If ? e : e.nodes;
          if (this.nodes.length)
            return this;
          return new _If(not(cond), e instanceof _If ? [e] : e.nodes);
        }
        if (cond === false || !this.nodes.length)
          return void 0;
        return this;
      }
      optimizeNames(names, constants) {
        var _a;
        this.else = (_a = this.else) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        if (!(super.optimizeNames(names, constants) || this.else))
          return;
        this.condition = optimizeExpr(this.condition, names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        addExprNames(names, this.condition);
        if (this.else)
          addNames(names, this.else.names);
        return names;
      }
    };
    If.kind = "if";
    var For = class extends BlockNode {
    };
    For.kind = "for";
    var ForLoop = class extends For {
      constructor(iteration) {
        super();
        this.iteration = iteration;
      }
      render(opts) {
        return `for(${this.iteration})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iteration = optimizeExpr(this.iteration, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iteration.names);
      }
    };
    var ForRange = class extends For {
      constructor(varKind, name, from, to) {
        super();
        this.varKind = varKind;
        this.name = name;
        this.from = from;
        this.to = to;
      }
      render(opts) {
        const varKind = opts.es5 ? scope_1.varKinds.var : this.varKind;
        const { name, from, to } = this;
        return `for(${varKind} ${name}=${from}; ${name}<${to}; ${name}++)` + super.render(opts);
      }
      get names() {
        const names = addExprNames(super.names, this.from);
        return addExprNames(names, this.to);
      }
    };
    var ForIter = class extends For {
      constructor(loop, varKind, name, iterable) {
        super();
        this.loop = loop;
        this.varKind = varKind;
        this.name = name;
        this.iterable = iterable;
      }
      render(opts) {
        return `for(${this.varKind} ${this.name} ${this.loop} ${this.iterable})` + super.render(opts);
      }
      optimizeNames(names, constants) {
        if (!super.optimizeNames(names, constants))
          return;
        this.iterable = optimizeExpr(this.iterable, names, constants);
        return this;
      }
      get names() {
        return addNames(super.names, this.iterable.names);
      }
    };
    var Func = class extends BlockNode {
      constructor(name, args, async) {
        super();
        this.name = name;
        this.args = args;
        this.async = async;
      }
      render(opts) {
        const _async = this.async ? "async " : "";
        return `${_async}function ${this.name}(${this.args})` + super.render(opts);
      }
    };
    Func.kind = "func";
    var Return = class extends ParentNode {
      render(opts) {
        return "return " + super.render(opts);
      }
    };
    Return.kind = "return";
    var Try = class extends BlockNode {
      render(opts) {
        let code2 = "try" + super.render(opts);
        if (this.catch)
          code2 += this.catch.render(opts);
        if (this.finally)
          code2 += this.finally.render(opts);
        return code2;
      }
      optimizeNodes() {
        var _a, _b;
        super.optimizeNodes();
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNodes();
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNodes();
        return this;
      }
      optimizeNames(names, constants) {
        var _a, _b;
        super.optimizeNames(names, constants);
        (_a = this.catch) === null || _a === void 0 ? void 0 : _a.optimizeNames(names, constants);
        (_b = this.finally) === null || _b === void 0 ? void 0 : _b.optimizeNames(names, constants);
        return this;
      }
      get names() {
        const names = super.names;
        if (this.catch)
          addNames(names, this.catch.names);
        if (this.finally)
          addNames(names, this.finally.names);
        return names;
      }
    };
    var Catch = class extends BlockNode {
      constructor(error) {
        super();
        this.error = error;
      }
      render(opts) {
        return `catch(${this.error})` + super.render(opts);
      }
    };
    Catch.kind = "catch";
    var Finally = class extends BlockNode {
      render(opts) {
        return "finally" + super.render(opts);
      }
    };
    Finally.kind = "finally";
    var CodeGen = class {
      constructor(extScope, opts = {}) {
        this._values = {};
        this._blockStarts = [];
        this._constants = {};
        this.opts = { ...opts, _n: opts.lines ? "\n" : "" };
        this._extScope = extScope;
        this._scope = new scope_1.Scope({ parent: extScope });
        this._nodes = [new Root()];
      }
      toString() {
        return this._root.render(this.opts);
      }
      // returns unique name in the internal scope
      name(prefix) {
        return this._scope.name(prefix);
      }
      // reserves unique name in the external scope
      scopeName(prefix) {
        return this._extScope.name(prefix);
      }
      // reserves unique name in the external scope and assigns value to it
      scopeValue(prefixOrName, value) {
        const name = this._extScope.value(prefixOrName, value);
        const vs = this._values[name.prefix] || (this._values[name.prefix] = /* @__PURE__ */ new Set());
        vs.add(name);
        return name;
      }
      getScopeValue(prefix, keyOrRef) {
        return this._extScope.getValue(prefix, keyOrRef);
      }
      // return code that assigns values in the external scope to the names that are used internally
      // (same names that were returned by gen.scopeName or gen.scopeValue)
      scopeRefs(scopeName) {
        return this._extScope.scopeRefs(scopeName, this._values);
      }
      scopeCode() {
        return this._extScope.scopeCode(this._values);
      }
      _def(varKind, nameOrPrefix, rhs, constant) {
        const name = this._scope.toName(nameOrPrefix);
        if (rhs !== void 0 && constant)
          this._constants[name.str] = rhs;
        this._leafNode(new Def(varKind, name, rhs));
        return name;
      }
      // `const` declaration (`var` in es5 mode)
      const(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.const, nameOrPrefix, rhs, _constant);
      }
      // `let` declaration with optional assignment (`var` in es5 mode)
      let(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.let, nameOrPrefix, rhs, _constant);
      }
      // `var` declaration with optional assignment
      var(nameOrPrefix, rhs, _constant) {
        return this._def(scope_1.varKinds.var, nameOrPrefix, rhs, _constant);
      }
      // assignment code
      assign(lhs, rhs, sideEffects) {
        return this._leafNode(new Assign(lhs, rhs, sideEffects));
      }
      // `+=` code
      add(lhs, rhs) {
        return this._leafNode(new AssignOp(lhs, exports2.operators.ADD, rhs));
      }
      // appends passed SafeExpr to code or executes Block
      code(c) {
        if (typeof c == "function")
          c();
        else if (c !== code_1.nil)
          this._leafNode(new AnyCode(c));
        return this;
      }
      // returns code for object literal for the passed argument list of key-value pairs
      object(...keyValues) {
        const code2 = ["{"];
        for (const [key2, value] of keyValues) {
          if (code2.length > 1)
            code2.push(",");
          code2.push(key2);
          if (key2 !== value || this.opts.es5) {
            code2.push(":");
            (0, code_1.addCodeArg)(code2, value);
          }
        }
        code2.push("}");
        return new code_1._Code(code2);
      }
      // `if` clause (or statement if `thenBody` and, optionally, `elseBody` are passed)
      if(condition, thenBody, elseBody) {
        this._blockNode(new If(condition));
        if (thenBody && elseBody) {
          this.code(thenBody).else().code(elseBody).endIf();
        } else if (thenBody) {
          this.code(thenBody).endIf();
        } else if (elseBody) {
          throw new Error('CodeGen: "else" body without "then" body');
        }
        return this;
      }
      // `else if` clause - invalid without `if` or after `else` clauses
      elseIf(condition) {
        return this._elseNode(new If(condition));
      }
      // `else` clause - only valid after `if` or `else if` clauses
      else() {
        return this._elseNode(new Else());
      }
      // end `if` statement (needed if gen.if was used only with condition)
      endIf() {
        return this._endBlockNode(If, Else);
      }
      _for(node, forBody) {
        this._blockNode(node);
        if (forBody)
          this.code(forBody).endFor();
        return this;
      }
      // a generic `for` clause (or statement if `forBody` is passed)
      for(iteration, forBody) {
        return this._for(new ForLoop(iteration), forBody);
      }
      // `for` statement for a range of values
      forRange(nameOrPrefix, from, to, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.let) {
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForRange(varKind, name, from, to), () => forBody(name));
      }
      // `for-of` statement (in es5 mode replace with a normal for loop)
      forOf(nameOrPrefix, iterable, forBody, varKind = scope_1.varKinds.const) {
        const name = this._scope.toName(nameOrPrefix);
        if (this.opts.es5) {
          const arr = iterable instanceof code_1.Name ? iterable : this.var("_arr", iterable);
          return this.forRange("_i", 0, (0, code_1._)`${arr}.length`, (i) => {
            this.var(name, (0, code_1._)`${arr}[${i}]`);
            forBody(name);
          });
        }
        return this._for(new ForIter("of", varKind, name, iterable), () => forBody(name));
      }
      // `for-in` statement.
      // With option `ownProperties` replaced with a `for-of` loop for object keys
      forIn(nameOrPrefix, obj2, forBody, varKind = this.opts.es5 ? scope_1.varKinds.var : scope_1.varKinds.const) {
        if (this.opts.ownProperties) {
          return this.forOf(nameOrPrefix, (0, code_1._)`Object.keys(${obj2})`, forBody);
        }
        const name = this._scope.toName(nameOrPrefix);
        return this._for(new ForIter("in", varKind, name, obj2), () => forBody(name));
      }
      // end `for` loop
      endFor() {
        return this._endBlockNode(For);
      }
      // `label` statement
      label(label) {
        return this._leafNode(new Label(label));
      }
      // `break` statement
      break(label) {
        return this._leafNode(new Break(label));
      }
      // `return` statement
      return(value) {
        const node = new Return();
        this._blockNode(node);
        this.code(value);
        if (node.nodes.length !== 1)
          throw new Error('CodeGen: "return" should have one node');
        return this._endBlockNode(Return);
      }
      // `try` statement
      try(tryBody, catchCode, finallyCode) {
        if (!catchCode && !finallyCode)
          throw new Error('CodeGen: "try" without "catch" and "finally"');
        const node = new Try();
        this._blockNode(node);
        this.code(tryBody);
        if (catchCode) {
          const error = this.name("e");
          this._currNode = node.catch = new Catch(error);
          catchCode(error);
        }
        if (finallyCode) {
          this._currNode = node.finally = new Finally();
          this.code(finallyCode);
        }
        return this._endBlockNode(Catch, Finally);
      }
      // `throw` statement
      throw(error) {
        return this._leafNode(new Throw(error));
      }
      // start self-balancing block
      block(body, nodeCount) {
        this._blockStarts.push(this._nodes.length);
        if (body)
          this.code(body).endBlock(nodeCount);
        return this;
      }
      // end the current self-balancing block
      endBlock(nodeCount) {
        const len = this._blockStarts.pop();
        if (len === void 0)
          throw new Error("CodeGen: not in self-balancing block");
        const toClose = this._nodes.length - len;
        if (toClose < 0 || nodeCount !== void 0 && toClose !== nodeCount) {
          throw new Error(`CodeGen: wrong number of nodes: ${toClose} vs ${nodeCount} expected`);
        }
        this._nodes.length = len;
        return this;
      }
      // `function` heading (or definition if funcBody is passed)
      func(name, args = code_1.nil, async, funcBody) {
        this._blockNode(new Func(name, args, async));
        if (funcBody)
          this.code(funcBody).endFunc();
        return this;
      }
      // end function definition
      endFunc() {
        return this._endBlockNode(Func);
      }
      optimize(n = 1) {
        while (n-- > 0) {
          this._root.optimizeNodes();
          this._root.optimizeNames(this._root.names, this._constants);
        }
      }
      _leafNode(node) {
        this._currNode.nodes.push(node);
        return this;
      }
      _blockNode(node) {
        this._currNode.nodes.push(node);
        this._nodes.push(node);
      }
      _endBlockNode(N1, N2) {
        const n = this._currNode;
        if (n instanceof N1 || N2 && n instanceof N2) {
          this._nodes.pop();
          return this;
        }
        throw new Error(`CodeGen: not in block "${N2 ? `${N1.kind}/${N2.kind}` : N1.kind}"`);
      }
      _elseNode(node) {
        const n = this._currNode;
        if (!(n instanceof If)) {
          throw new Error('CodeGen: "else" without "if"');
        }
        this._currNode = n.else = node;
        return this;
      }
      get _root() {
        return this._nodes[0];
      }
      get _currNode() {
        const ns = this._nodes;
        return ns[ns.length - 1];
      }
      set _currNode(node) {
        const ns = this._nodes;
        ns[ns.length - 1] = node;
      }
    };
    exports2.CodeGen = CodeGen;
    function addNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) + (from[n] || 0);
      return names;
    }
    function addExprNames(names, from) {
      return from instanceof code_1._CodeOrName ? addNames(names, from.names) : names;
    }
    function optimizeExpr(expr, names, constants) {
      if (expr instanceof code_1.Name)
        return replaceName(expr);
      if (!canOptimize(expr))
        return expr;
      return new code_1._Code(expr._items.reduce((items, c) => {
        if (c instanceof code_1.Name)
          c = replaceName(c);
        if (c instanceof code_1._Code)
          items.push(...c._items);
        else
          items.push(c);
        return items;
      }, []));
      function replaceName(n) {
        const c = constants[n.str];
        if (c === void 0 || names[n.str] !== 1)
          return n;
        delete names[n.str];
        return c;
      }
      function canOptimize(e) {
        return e instanceof code_1._Code && e._items.some((c) => c instanceof code_1.Name && names[c.str] === 1 && constants[c.str] !== void 0);
      }
    }
    function subtractNames(names, from) {
      for (const n in from)
        names[n] = (names[n] || 0) - (from[n] || 0);
    }
    function not(x) {
      return typeof x == "boolean" || typeof x == "number" || x === null ? !x : (0, code_1._)`!${par(x)}`;
    }
    exports2.not = not;
    var andCode = mappend(exports2.operators.AND);
    function and(...args) {
      return args.reduce(andCode);
    }
    exports2.and = and;
    var orCode = mappend(exports2.operators.OR);
    function or(...args) {
      return args.reduce(orCode);
    }
    exports2.or = or;
    function mappend(op) {
      return (x, y) => x === code_1.nil ? y : y === code_1.nil ? x : (0, code_1._)`${par(x)} ${op} ${par(y)}`;
    }
    function par(x) {
      return x instanceof code_1.Name ? x : (0, code_1._)`(${x})`;
    }
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/util.js
var require_util = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/util.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.checkStrictMode = exports2.getErrorPath = exports2.Type = exports2.useFunc = exports2.setEvaluated = exports2.evaluatedPropsToName = exports2.mergeEvaluated = exports2.eachItem = exports2.unescapeJsonPointer = exports2.escapeJsonPointer = exports2.escapeFragment = exports2.unescapeFragment = exports2.schemaRefOrVal = exports2.schemaHasRulesButRef = exports2.schemaHasRules = exports2.checkUnknownRules = exports2.alwaysValidSchema = exports2.toHash = void 0;
    var codegen_1 = require_codegen();
    var code_1 = require_code();
    function toHash(arr) {
      const hash = {};
      for (const item of arr)
        hash[item] = true;
      return hash;
    }
    exports2.toHash = toHash;
    function alwaysValidSchema(it, schema) {
      if (typeof schema == "boolean")
        return schema;
      if (Object.keys(schema).length === 0)
        return true;
      checkUnknownRules(it, schema);
      return !schemaHasRules(schema, it.self.RULES.all);
    }
    exports2.alwaysValidSchema = alwaysValidSchema;
    function checkUnknownRules(it, schema = it.schema) {
      const { opts, self } = it;
      if (!opts.strictSchema)
        return;
      if (typeof schema === "boolean")
        return;
      const rules = self.RULES.keywords;
      for (const key2 in schema) {
        if (!rules[key2])
          checkStrictMode(it, `unknown keyword: "${key2}"`);
      }
    }
    exports2.checkUnknownRules = checkUnknownRules;
    function schemaHasRules(schema, rules) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key2 in schema)
        if (rules[key2])
          return true;
      return false;
    }
    exports2.schemaHasRules = schemaHasRules;
    function schemaHasRulesButRef(schema, RULES3) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key2 in schema)
        if (key2 !== "$ref" && RULES3.all[key2])
          return true;
      return false;
    }
    exports2.schemaHasRulesButRef = schemaHasRulesButRef;
    function schemaRefOrVal({ topSchemaRef, schemaPath }, schema, keyword, $data) {
      if (!$data) {
        if (typeof schema == "number" || typeof schema == "boolean")
          return schema;
        if (typeof schema == "string")
          return (0, codegen_1._)`${schema}`;
      }
      return (0, codegen_1._)`${topSchemaRef}${schemaPath}${(0, codegen_1.getProperty)(keyword)}`;
    }
    exports2.schemaRefOrVal = schemaRefOrVal;
    function unescapeFragment(str2) {
      return unescapeJsonPointer(decodeURIComponent(str2));
    }
    exports2.unescapeFragment = unescapeFragment;
    function escapeFragment(str2) {
      return encodeURIComponent(escapeJsonPointer(str2));
    }
    exports2.escapeFragment = escapeFragment;
    function escapeJsonPointer(str2) {
      if (typeof str2 == "number")
        return `${str2}`;
      return str2.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports2.escapeJsonPointer = escapeJsonPointer;
    function unescapeJsonPointer(str2) {
      return str2.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports2.unescapeJsonPointer = unescapeJsonPointer;
    function eachItem(xs, f) {
      if (Array.isArray(xs)) {
        for (const x of xs)
          f(x);
      } else {
        f(xs);
      }
    }
    exports2.eachItem = eachItem;
    function makeMergeEvaluated({ mergeNames, mergeToName, mergeValues, resultToName }) {
      return (gen, from, to, toName) => {
        const res = to === void 0 ? from : to instanceof codegen_1.Name ? (from instanceof codegen_1.Name ? mergeNames(gen, from, to) : mergeToName(gen, from, to), to) : from instanceof codegen_1.Name ? (mergeToName(gen, to, from), from) : mergeValues(from, to);
        return toName === codegen_1.Name && !(res instanceof codegen_1.Name) ? resultToName(gen, res) : res;
      };
    }
    exports2.mergeEvaluated = {
      props: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => {
          gen.if((0, codegen_1._)`${from} === true`, () => gen.assign(to, true), () => gen.assign(to, (0, codegen_1._)`${to} || {}`).code((0, codegen_1._)`Object.assign(${to}, ${from})`));
        }),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => {
          if (from === true) {
            gen.assign(to, true);
          } else {
            gen.assign(to, (0, codegen_1._)`${to} || {}`);
            setEvaluated(gen, to, from);
          }
        }),
        mergeValues: (from, to) => from === true ? true : { ...from, ...to },
        resultToName: evaluatedPropsToName
      }),
      items: makeMergeEvaluated({
        mergeNames: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true && ${from} !== undefined`, () => gen.assign(to, (0, codegen_1._)`${from} === true ? true : ${to} > ${from} ? ${to} : ${from}`)),
        mergeToName: (gen, from, to) => gen.if((0, codegen_1._)`${to} !== true`, () => gen.assign(to, from === true ? true : (0, codegen_1._)`${to} > ${from} ? ${to} : ${from}`)),
        mergeValues: (from, to) => from === true ? true : Math.max(from, to),
        resultToName: (gen, items) => gen.var("items", items)
      })
    };
    function evaluatedPropsToName(gen, ps) {
      if (ps === true)
        return gen.var("props", true);
      const props = gen.var("props", (0, codegen_1._)`{}`);
      if (ps !== void 0)
        setEvaluated(gen, props, ps);
      return props;
    }
    exports2.evaluatedPropsToName = evaluatedPropsToName;
    function setEvaluated(gen, props, ps) {
      Object.keys(ps).forEach((p) => gen.assign((0, codegen_1._)`${props}${(0, codegen_1.getProperty)(p)}`, true));
    }
    exports2.setEvaluated = setEvaluated;
    var snippets = {};
    function useFunc(gen, f) {
      return gen.scopeValue("func", {
        ref: f,
        code: snippets[f.code] || (snippets[f.code] = new code_1._Code(f.code))
      });
    }
    exports2.useFunc = useFunc;
    var Type;
    (function(Type2) {
      Type2[Type2["Num"] = 0] = "Num";
      Type2[Type2["Str"] = 1] = "Str";
    })(Type || (exports2.Type = Type = {}));
    function getErrorPath(dataProp, dataPropType, jsPropertySyntax) {
      if (dataProp instanceof codegen_1.Name) {
        const isNumber = dataPropType === Type.Num;
        return jsPropertySyntax ? isNumber ? (0, codegen_1._)`"[" + ${dataProp} + "]"` : (0, codegen_1._)`"['" + ${dataProp} + "']"` : isNumber ? (0, codegen_1._)`"/" + ${dataProp}` : (0, codegen_1._)`"/" + ${dataProp}.replace(/~/g, "~0").replace(/\\//g, "~1")`;
      }
      return jsPropertySyntax ? (0, codegen_1.getProperty)(dataProp).toString() : "/" + escapeJsonPointer(dataProp);
    }
    exports2.getErrorPath = getErrorPath;
    function checkStrictMode(it, msg, mode = it.opts.strictSchema) {
      if (!mode)
        return;
      msg = `strict mode: ${msg}`;
      if (mode === true)
        throw new Error(msg);
      it.self.logger.warn(msg);
    }
    exports2.checkStrictMode = checkStrictMode;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/names.js
var require_names = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/names.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var names = {
      // validation function arguments
      data: new codegen_1.Name("data"),
      // data passed to validation function
      // args passed from referencing schema
      valCxt: new codegen_1.Name("valCxt"),
      // validation/data context - should not be used directly, it is destructured to the names below
      instancePath: new codegen_1.Name("instancePath"),
      parentData: new codegen_1.Name("parentData"),
      parentDataProperty: new codegen_1.Name("parentDataProperty"),
      rootData: new codegen_1.Name("rootData"),
      // root data - same as the data passed to the first/top validation function
      dynamicAnchors: new codegen_1.Name("dynamicAnchors"),
      // used to support recursiveRef and dynamicRef
      // function scoped variables
      vErrors: new codegen_1.Name("vErrors"),
      // null or array of validation errors
      errors: new codegen_1.Name("errors"),
      // counter of validation errors
      this: new codegen_1.Name("this"),
      // "globals"
      self: new codegen_1.Name("self"),
      scope: new codegen_1.Name("scope"),
      // JTD serialize/parse name for JSON string and position
      json: new codegen_1.Name("json"),
      jsonPos: new codegen_1.Name("jsonPos"),
      jsonLen: new codegen_1.Name("jsonLen"),
      jsonPart: new codegen_1.Name("jsonPart")
    };
    exports2.default = names;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/errors.js
var require_errors = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/errors.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.extendErrors = exports2.resetErrorsCount = exports2.reportExtraError = exports2.reportError = exports2.keyword$DataError = exports2.keywordError = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    exports2.keywordError = {
      message: ({ keyword }) => (0, codegen_1.str)`must pass "${keyword}" keyword validation`
    };
    exports2.keyword$DataError = {
      message: ({ keyword, schemaType }) => schemaType ? (0, codegen_1.str)`"${keyword}" keyword must be ${schemaType} ($data)` : (0, codegen_1.str)`"${keyword}" keyword is invalid ($data)`
    };
    function reportError(cxt, error = exports2.keywordError, errorPaths, overrideAllErrors) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      if (overrideAllErrors !== null && overrideAllErrors !== void 0 ? overrideAllErrors : compositeRule || allErrors) {
        addError(gen, errObj);
      } else {
        returnErrors(it, (0, codegen_1._)`[${errObj}]`);
      }
    }
    exports2.reportError = reportError;
    function reportExtraError(cxt, error = exports2.keywordError, errorPaths) {
      const { it } = cxt;
      const { gen, compositeRule, allErrors } = it;
      const errObj = errorObjectCode(cxt, error, errorPaths);
      addError(gen, errObj);
      if (!(compositeRule || allErrors)) {
        returnErrors(it, names_1.default.vErrors);
      }
    }
    exports2.reportExtraError = reportExtraError;
    function resetErrorsCount(gen, errsCount) {
      gen.assign(names_1.default.errors, errsCount);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} !== null`, () => gen.if(errsCount, () => gen.assign((0, codegen_1._)`${names_1.default.vErrors}.length`, errsCount), () => gen.assign(names_1.default.vErrors, null)));
    }
    exports2.resetErrorsCount = resetErrorsCount;
    function extendErrors({ gen, keyword, schemaValue, data, errsCount, it }) {
      if (errsCount === void 0)
        throw new Error("ajv implementation error");
      const err = gen.name("err");
      gen.forRange("i", errsCount, names_1.default.errors, (i) => {
        gen.const(err, (0, codegen_1._)`${names_1.default.vErrors}[${i}]`);
        gen.if((0, codegen_1._)`${err}.instancePath === undefined`, () => gen.assign((0, codegen_1._)`${err}.instancePath`, (0, codegen_1.strConcat)(names_1.default.instancePath, it.errorPath)));
        gen.assign((0, codegen_1._)`${err}.schemaPath`, (0, codegen_1.str)`${it.errSchemaPath}/${keyword}`);
        if (it.opts.verbose) {
          gen.assign((0, codegen_1._)`${err}.schema`, schemaValue);
          gen.assign((0, codegen_1._)`${err}.data`, data);
        }
      });
    }
    exports2.extendErrors = extendErrors;
    function addError(gen, errObj) {
      const err = gen.const("err", errObj);
      gen.if((0, codegen_1._)`${names_1.default.vErrors} === null`, () => gen.assign(names_1.default.vErrors, (0, codegen_1._)`[${err}]`), (0, codegen_1._)`${names_1.default.vErrors}.push(${err})`);
      gen.code((0, codegen_1._)`${names_1.default.errors}++`);
    }
    function returnErrors(it, errs) {
      const { gen, validateName, schemaEnv } = it;
      if (schemaEnv.$async) {
        gen.throw((0, codegen_1._)`new ${it.ValidationError}(${errs})`);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, errs);
        gen.return(false);
      }
    }
    var E = {
      keyword: new codegen_1.Name("keyword"),
      schemaPath: new codegen_1.Name("schemaPath"),
      // also used in JTD errors
      params: new codegen_1.Name("params"),
      propertyName: new codegen_1.Name("propertyName"),
      message: new codegen_1.Name("message"),
      schema: new codegen_1.Name("schema"),
      parentSchema: new codegen_1.Name("parentSchema")
    };
    function errorObjectCode(cxt, error, errorPaths) {
      const { createErrors } = cxt.it;
      if (createErrors === false)
        return (0, codegen_1._)`{}`;
      return errorObject(cxt, error, errorPaths);
    }
    function errorObject(cxt, error, errorPaths = {}) {
      const { gen, it } = cxt;
      const keyValues = [
        errorInstancePath(it, errorPaths),
        errorSchemaPath(cxt, errorPaths)
      ];
      extraErrorProps(cxt, error, keyValues);
      return gen.object(...keyValues);
    }
    function errorInstancePath({ errorPath }, { instancePath }) {
      const instPath = instancePath ? (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(instancePath, util_1.Type.Str)}` : errorPath;
      return [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, instPath)];
    }
    function errorSchemaPath({ keyword, it: { errSchemaPath } }, { schemaPath, parentSchema }) {
      let schPath = parentSchema ? errSchemaPath : (0, codegen_1.str)`${errSchemaPath}/${keyword}`;
      if (schemaPath) {
        schPath = (0, codegen_1.str)`${schPath}${(0, util_1.getErrorPath)(schemaPath, util_1.Type.Str)}`;
      }
      return [E.schemaPath, schPath];
    }
    function extraErrorProps(cxt, { params, message }, keyValues) {
      const { keyword, data, schemaValue, it } = cxt;
      const { opts, propertyName, topSchemaRef, schemaPath } = it;
      keyValues.push([E.keyword, keyword], [E.params, typeof params == "function" ? params(cxt) : params || (0, codegen_1._)`{}`]);
      if (opts.messages) {
        keyValues.push([E.message, typeof message == "function" ? message(cxt) : message]);
      }
      if (opts.verbose) {
        keyValues.push([E.schema, schemaValue], [E.parentSchema, (0, codegen_1._)`${topSchemaRef}${schemaPath}`], [names_1.default.data, data]);
      }
      if (propertyName)
        keyValues.push([E.propertyName, propertyName]);
    }
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/boolSchema.js
var require_boolSchema = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/boolSchema.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.boolOrEmptySchema = exports2.topBoolOrEmptySchema = void 0;
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var boolError = {
      message: "boolean schema is false"
    };
    function topBoolOrEmptySchema(it) {
      const { gen, schema, validateName } = it;
      if (schema === false) {
        falseSchemaError(it, false);
      } else if (typeof schema == "object" && schema.$async === true) {
        gen.return(names_1.default.data);
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, null);
        gen.return(true);
      }
    }
    exports2.topBoolOrEmptySchema = topBoolOrEmptySchema;
    function boolOrEmptySchema(it, valid) {
      const { gen, schema } = it;
      if (schema === false) {
        gen.var(valid, false);
        falseSchemaError(it);
      } else {
        gen.var(valid, true);
      }
    }
    exports2.boolOrEmptySchema = boolOrEmptySchema;
    function falseSchemaError(it, overrideAllErrors) {
      const { gen, data } = it;
      const cxt = {
        gen,
        keyword: "false schema",
        data,
        schema: false,
        schemaCode: false,
        schemaValue: false,
        params: {},
        it
      };
      (0, errors_1.reportError)(cxt, boolError, void 0, overrideAllErrors);
    }
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/rules.js
var require_rules = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/rules.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getRules = exports2.isJSONType = void 0;
    var _jsonTypes = ["string", "number", "integer", "boolean", "null", "object", "array"];
    var jsonTypes = new Set(_jsonTypes);
    function isJSONType(x) {
      return typeof x == "string" && jsonTypes.has(x);
    }
    exports2.isJSONType = isJSONType;
    function getRules() {
      const groups = {
        number: { type: "number", rules: [] },
        string: { type: "string", rules: [] },
        array: { type: "array", rules: [] },
        object: { type: "object", rules: [] }
      };
      return {
        types: { ...groups, integer: true, boolean: true, null: true },
        rules: [{ rules: [] }, groups.number, groups.string, groups.array, groups.object],
        post: { rules: [] },
        all: {},
        keywords: {}
      };
    }
    exports2.getRules = getRules;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/applicability.js
var require_applicability = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/applicability.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.shouldUseRule = exports2.shouldUseGroup = exports2.schemaHasRulesForType = void 0;
    function schemaHasRulesForType({ schema, self }, type) {
      const group = self.RULES.types[type];
      return group && group !== true && shouldUseGroup(schema, group);
    }
    exports2.schemaHasRulesForType = schemaHasRulesForType;
    function shouldUseGroup(schema, group) {
      return group.rules.some((rule) => shouldUseRule(schema, rule));
    }
    exports2.shouldUseGroup = shouldUseGroup;
    function shouldUseRule(schema, rule) {
      var _a;
      return schema[rule.keyword] !== void 0 || ((_a = rule.definition.implements) === null || _a === void 0 ? void 0 : _a.some((kwd) => schema[kwd] !== void 0));
    }
    exports2.shouldUseRule = shouldUseRule;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/dataType.js
var require_dataType = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/dataType.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.reportTypeError = exports2.checkDataTypes = exports2.checkDataType = exports2.coerceAndCheckDataType = exports2.getJSONTypes = exports2.getSchemaTypes = exports2.DataType = void 0;
    var rules_1 = require_rules();
    var applicability_1 = require_applicability();
    var errors_1 = require_errors();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var DataType;
    (function(DataType2) {
      DataType2[DataType2["Correct"] = 0] = "Correct";
      DataType2[DataType2["Wrong"] = 1] = "Wrong";
    })(DataType || (exports2.DataType = DataType = {}));
    function getSchemaTypes(schema) {
      const types = getJSONTypes(schema.type);
      const hasNull = types.includes("null");
      if (hasNull) {
        if (schema.nullable === false)
          throw new Error("type: null contradicts nullable: false");
      } else {
        if (!types.length && schema.nullable !== void 0) {
          throw new Error('"nullable" cannot be used without "type"');
        }
        if (schema.nullable === true)
          types.push("null");
      }
      return types;
    }
    exports2.getSchemaTypes = getSchemaTypes;
    function getJSONTypes(ts) {
      const types = Array.isArray(ts) ? ts : ts ? [ts] : [];
      if (types.every(rules_1.isJSONType))
        return types;
      throw new Error("type must be JSONType or JSONType[]: " + types.join(","));
    }
    exports2.getJSONTypes = getJSONTypes;
    function coerceAndCheckDataType(it, types) {
      const { gen, data, opts } = it;
      const coerceTo = coerceToTypes(types, opts.coerceTypes);
      const checkTypes = types.length > 0 && !(coerceTo.length === 0 && types.length === 1 && (0, applicability_1.schemaHasRulesForType)(it, types[0]));
      if (checkTypes) {
        const wrongType = checkDataTypes(types, data, opts.strictNumbers, DataType.Wrong);
        gen.if(wrongType, () => {
          if (coerceTo.length)
            coerceData(it, types, coerceTo);
          else
            reportTypeError(it);
        });
      }
      return checkTypes;
    }
    exports2.coerceAndCheckDataType = coerceAndCheckDataType;
    var COERCIBLE = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "null"]);
    function coerceToTypes(types, coerceTypes) {
      return coerceTypes ? types.filter((t) => COERCIBLE.has(t) || coerceTypes === "array" && t === "array") : [];
    }
    function coerceData(it, types, coerceTo) {
      const { gen, data, opts } = it;
      const dataType = gen.let("dataType", (0, codegen_1._)`typeof ${data}`);
      const coerced = gen.let("coerced", (0, codegen_1._)`undefined`);
      if (opts.coerceTypes === "array") {
        gen.if((0, codegen_1._)`${dataType} == 'object' && Array.isArray(${data}) && ${data}.length == 1`, () => gen.assign(data, (0, codegen_1._)`${data}[0]`).assign(dataType, (0, codegen_1._)`typeof ${data}`).if(checkDataTypes(types, data, opts.strictNumbers), () => gen.assign(coerced, data)));
      }
      gen.if((0, codegen_1._)`${coerced} !== undefined`);
      for (const t of coerceTo) {
        if (COERCIBLE.has(t) || t === "array" && opts.coerceTypes === "array") {
          coerceSpecificType(t);
        }
      }
      gen.else();
      reportTypeError(it);
      gen.endIf();
      gen.if((0, codegen_1._)`${coerced} !== undefined`, () => {
        gen.assign(data, coerced);
        assignParentData(it, coerced);
      });
      function coerceSpecificType(t) {
        switch (t) {
          case "string":
            gen.elseIf((0, codegen_1._)`${dataType} == "number" || ${dataType} == "boolean"`).assign(coerced, (0, codegen_1._)`"" + ${data}`).elseIf((0, codegen_1._)`${data} === null`).assign(coerced, (0, codegen_1._)`""`);
            return;
          case "number":
            gen.elseIf((0, codegen_1._)`${dataType} == "boolean" || ${data} === null
              || (${dataType} == "string" && ${data} && ${data} == +${data})`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "integer":
            gen.elseIf((0, codegen_1._)`${dataType} === "boolean" || ${data} === null
              || (${dataType} === "string" && ${data} && ${data} == +${data} && !(${data} % 1))`).assign(coerced, (0, codegen_1._)`+${data}`);
            return;
          case "boolean":
            gen.elseIf((0, codegen_1._)`${data} === "false" || ${data} === 0 || ${data} === null`).assign(coerced, false).elseIf((0, codegen_1._)`${data} === "true" || ${data} === 1`).assign(coerced, true);
            return;
          case "null":
            gen.elseIf((0, codegen_1._)`${data} === "" || ${data} === 0 || ${data} === false`);
            gen.assign(coerced, null);
            return;
          case "array":
            gen.elseIf((0, codegen_1._)`${dataType} === "string" || ${dataType} === "number"
              || ${dataType} === "boolean" || ${data} === null`).assign(coerced, (0, codegen_1._)`[${data}]`);
        }
      }
    }
    function assignParentData({ gen, parentData, parentDataProperty }, expr) {
      gen.if((0, codegen_1._)`${parentData} !== undefined`, () => gen.assign((0, codegen_1._)`${parentData}[${parentDataProperty}]`, expr));
    }
    function checkDataType(dataType, data, strictNums, correct = DataType.Correct) {
      const EQ = correct === DataType.Correct ? codegen_1.operators.EQ : codegen_1.operators.NEQ;
      let cond;
      switch (dataType) {
        case "null":
          return (0, codegen_1._)`${data} ${EQ} null`;
        case "array":
          cond = (0, codegen_1._)`Array.isArray(${data})`;
          break;
        case "object":
          cond = (0, codegen_1._)`${data} && typeof ${data} == "object" && !Array.isArray(${data})`;
          break;
        case "integer":
          cond = numCond((0, codegen_1._)`!(${data} % 1) && !isNaN(${data})`);
          break;
        case "number":
          cond = numCond();
          break;
        default:
          return (0, codegen_1._)`typeof ${data} ${EQ} ${dataType}`;
      }
      return correct === DataType.Correct ? cond : (0, codegen_1.not)(cond);
      function numCond(_cond = codegen_1.nil) {
        return (0, codegen_1.and)((0, codegen_1._)`typeof ${data} == "number"`, _cond, strictNums ? (0, codegen_1._)`isFinite(${data})` : codegen_1.nil);
      }
    }
    exports2.checkDataType = checkDataType;
    function checkDataTypes(dataTypes, data, strictNums, correct) {
      if (dataTypes.length === 1) {
        return checkDataType(dataTypes[0], data, strictNums, correct);
      }
      let cond;
      const types = (0, util_1.toHash)(dataTypes);
      if (types.array && types.object) {
        const notObj = (0, codegen_1._)`typeof ${data} != "object"`;
        cond = types.null ? notObj : (0, codegen_1._)`!${data} || ${notObj}`;
        delete types.null;
        delete types.array;
        delete types.object;
      } else {
        cond = codegen_1.nil;
      }
      if (types.number)
        delete types.integer;
      for (const t in types)
        cond = (0, codegen_1.and)(cond, checkDataType(t, data, strictNums, correct));
      return cond;
    }
    exports2.checkDataTypes = checkDataTypes;
    var typeError = {
      message: ({ schema }) => `must be ${schema}`,
      params: ({ schema, schemaValue }) => typeof schema == "string" ? (0, codegen_1._)`{type: ${schema}}` : (0, codegen_1._)`{type: ${schemaValue}}`
    };
    function reportTypeError(it) {
      const cxt = getTypeErrorContext(it);
      (0, errors_1.reportError)(cxt, typeError);
    }
    exports2.reportTypeError = reportTypeError;
    function getTypeErrorContext(it) {
      const { gen, data, schema } = it;
      const schemaCode = (0, util_1.schemaRefOrVal)(it, schema, "type");
      return {
        gen,
        keyword: "type",
        data,
        schema: schema.type,
        schemaCode,
        schemaValue: schemaCode,
        parentSchema: schema,
        params: {},
        it
      };
    }
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/defaults.js
var require_defaults = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/defaults.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.assignDefaults = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function assignDefaults(it, ty) {
      const { properties, items } = it.schema;
      if (ty === "object" && properties) {
        for (const key2 in properties) {
          assignDefault(it, key2, properties[key2].default);
        }
      } else if (ty === "array" && Array.isArray(items)) {
        items.forEach((sch, i) => assignDefault(it, i, sch.default));
      }
    }
    exports2.assignDefaults = assignDefaults;
    function assignDefault(it, prop, defaultValue) {
      const { gen, compositeRule, data, opts } = it;
      if (defaultValue === void 0)
        return;
      const childData = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(prop)}`;
      if (compositeRule) {
        (0, util_1.checkStrictMode)(it, `default is ignored for: ${childData}`);
        return;
      }
      let condition = (0, codegen_1._)`${childData} === undefined`;
      if (opts.useDefaults === "empty") {
        condition = (0, codegen_1._)`${condition} || ${childData} === null || ${childData} === ""`;
      }
      gen.if(condition, (0, codegen_1._)`${childData} = ${(0, codegen_1.stringify)(defaultValue)}`);
    }
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/code.js
var require_code2 = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/code.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.validateUnion = exports2.validateArray = exports2.usePattern = exports2.callValidateCode = exports2.schemaProperties = exports2.allSchemaProperties = exports2.noPropertyInData = exports2.propertyInData = exports2.isOwnProperty = exports2.hasPropFunc = exports2.reportMissingProp = exports2.checkMissingProp = exports2.checkReportMissingProp = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var names_1 = require_names();
    var util_2 = require_util();
    function checkReportMissingProp(cxt, prop) {
      const { gen, data, it } = cxt;
      gen.if(noPropertyInData(gen, data, prop, it.opts.ownProperties), () => {
        cxt.setParams({ missingProperty: (0, codegen_1._)`${prop}` }, true);
        cxt.error();
      });
    }
    exports2.checkReportMissingProp = checkReportMissingProp;
    function checkMissingProp({ gen, data, it: { opts } }, properties, missing) {
      return (0, codegen_1.or)(...properties.map((prop) => (0, codegen_1.and)(noPropertyInData(gen, data, prop, opts.ownProperties), (0, codegen_1._)`${missing} = ${prop}`)));
    }
    exports2.checkMissingProp = checkMissingProp;
    function reportMissingProp(cxt, missing) {
      cxt.setParams({ missingProperty: missing }, true);
      cxt.error();
    }
    exports2.reportMissingProp = reportMissingProp;
    function hasPropFunc(gen) {
      return gen.scopeValue("func", {
        // eslint-disable-next-line @typescript-eslint/unbound-method
        ref: Object.prototype.hasOwnProperty,
        code: (0, codegen_1._)`Object.prototype.hasOwnProperty`
      });
    }
    exports2.hasPropFunc = hasPropFunc;
    function isOwnProperty(gen, data, property) {
      return (0, codegen_1._)`${hasPropFunc(gen)}.call(${data}, ${property})`;
    }
    exports2.isOwnProperty = isOwnProperty;
    function propertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} !== undefined`;
      return ownProperties ? (0, codegen_1._)`${cond} && ${isOwnProperty(gen, data, property)}` : cond;
    }
    exports2.propertyInData = propertyInData;
    function noPropertyInData(gen, data, property, ownProperties) {
      const cond = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(property)} === undefined`;
      return ownProperties ? (0, codegen_1.or)(cond, (0, codegen_1.not)(isOwnProperty(gen, data, property))) : cond;
    }
    exports2.noPropertyInData = noPropertyInData;
    function allSchemaProperties(schemaMap) {
      return schemaMap ? Object.keys(schemaMap).filter((p) => p !== "__proto__") : [];
    }
    exports2.allSchemaProperties = allSchemaProperties;
    function schemaProperties(it, schemaMap) {
      return allSchemaProperties(schemaMap).filter((p) => !(0, util_1.alwaysValidSchema)(it, schemaMap[p]));
    }
    exports2.schemaProperties = schemaProperties;
    function callValidateCode({ schemaCode, data, it: { gen, topSchemaRef, schemaPath, errorPath }, it }, func, context, passSchema) {
      const dataAndSchema = passSchema ? (0, codegen_1._)`${schemaCode}, ${data}, ${topSchemaRef}${schemaPath}` : data;
      const valCxt = [
        [names_1.default.instancePath, (0, codegen_1.strConcat)(names_1.default.instancePath, errorPath)],
        [names_1.default.parentData, it.parentData],
        [names_1.default.parentDataProperty, it.parentDataProperty],
        [names_1.default.rootData, names_1.default.rootData]
      ];
      if (it.opts.dynamicRef)
        valCxt.push([names_1.default.dynamicAnchors, names_1.default.dynamicAnchors]);
      const args = (0, codegen_1._)`${dataAndSchema}, ${gen.object(...valCxt)}`;
      return context !== codegen_1.nil ? (0, codegen_1._)`${func}.call(${context}, ${args})` : (0, codegen_1._)`${func}(${args})`;
    }
    exports2.callValidateCode = callValidateCode;
    var newRegExp = (0, codegen_1._)`new RegExp`;
    function usePattern({ gen, it: { opts } }, pattern) {
      const u = opts.unicodeRegExp ? "u" : "";
      const { regExp } = opts.code;
      const rx = regExp(pattern, u);
      return gen.scopeValue("pattern", {
        key: rx.toString(),
        ref: rx,
        code: (0, codegen_1._)`${regExp.code === "new RegExp" ? newRegExp : (0, util_2.useFunc)(gen, regExp)}(${pattern}, ${u})`
      });
    }
    exports2.usePattern = usePattern;
    function validateArray(cxt) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      if (it.allErrors) {
        const validArr = gen.let("valid", true);
        validateItems(() => gen.assign(validArr, false));
        return validArr;
      }
      gen.var(valid, true);
      validateItems(() => gen.break());
      return valid;
      function validateItems(notValid) {
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        gen.forRange("i", 0, len, (i) => {
          cxt.subschema({
            keyword,
            dataProp: i,
            dataPropType: util_1.Type.Num
          }, valid);
          gen.if((0, codegen_1.not)(valid), notValid);
        });
      }
    }
    exports2.validateArray = validateArray;
    function validateUnion(cxt) {
      const { gen, schema, keyword, it } = cxt;
      if (!Array.isArray(schema))
        throw new Error("ajv implementation error");
      const alwaysValid = schema.some((sch) => (0, util_1.alwaysValidSchema)(it, sch));
      if (alwaysValid && !it.opts.unevaluated)
        return;
      const valid = gen.let("valid", false);
      const schValid = gen.name("_valid");
      gen.block(() => schema.forEach((_sch, i) => {
        const schCxt = cxt.subschema({
          keyword,
          schemaProp: i,
          compositeRule: true
        }, schValid);
        gen.assign(valid, (0, codegen_1._)`${valid} || ${schValid}`);
        const merged = cxt.mergeValidEvaluated(schCxt, schValid);
        if (!merged)
          gen.if((0, codegen_1.not)(valid));
      }));
      cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
    }
    exports2.validateUnion = validateUnion;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/keyword.js
var require_keyword = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/keyword.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.validateKeywordUsage = exports2.validSchemaType = exports2.funcKeywordCode = exports2.macroKeywordCode = void 0;
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var code_1 = require_code2();
    var errors_1 = require_errors();
    function macroKeywordCode(cxt, def2) {
      const { gen, keyword, schema, parentSchema, it } = cxt;
      const macroSchema = def2.macro.call(it.self, schema, parentSchema, it);
      const schemaRef = useKeyword(gen, keyword, macroSchema);
      if (it.opts.validateSchema !== false)
        it.self.validateSchema(macroSchema, true);
      const valid = gen.name("valid");
      cxt.subschema({
        schema: macroSchema,
        schemaPath: codegen_1.nil,
        errSchemaPath: `${it.errSchemaPath}/${keyword}`,
        topSchemaRef: schemaRef,
        compositeRule: true
      }, valid);
      cxt.pass(valid, () => cxt.error(true));
    }
    exports2.macroKeywordCode = macroKeywordCode;
    function funcKeywordCode(cxt, def2) {
      var _a;
      const { gen, keyword, schema, parentSchema, $data, it } = cxt;
      checkAsyncKeyword(it, def2);
      const validate = !$data && def2.compile ? def2.compile.call(it.self, schema, parentSchema, it) : def2.validate;
      const validateRef = useKeyword(gen, keyword, validate);
      const valid = gen.let("valid");
      cxt.block$data(valid, validateKeyword);
      cxt.ok((_a = def2.valid) !== null && _a !== void 0 ? _a : valid);
      function validateKeyword() {
        if (def2.errors === false) {
          assignValid();
          if (def2.modifying)
            modifyData(cxt);
          reportErrs(() => cxt.error());
        } else {
          const ruleErrs = def2.async ? validateAsync() : validateSync();
          if (def2.modifying)
            modifyData(cxt);
          reportErrs(() => addErrs(cxt, ruleErrs));
        }
      }
      function validateAsync() {
        const ruleErrs = gen.let("ruleErrs", null);
        gen.try(() => assignValid((0, codegen_1._)`await `), (e) => gen.assign(valid, false).if((0, codegen_1._)`${e} instanceof ${it.ValidationError}`, () => gen.assign(ruleErrs, (0, codegen_1._)`${e}.errors`), () => gen.throw(e)));
        return ruleErrs;
      }
      function validateSync() {
        const validateErrs = (0, codegen_1._)`${validateRef}.errors`;
        gen.assign(validateErrs, null);
        assignValid(codegen_1.nil);
        return validateErrs;
      }
      function assignValid(_await = def2.async ? (0, codegen_1._)`await ` : codegen_1.nil) {
        const passCxt = it.opts.passContext ? names_1.default.this : names_1.default.self;
        const passSchema = !("compile" in def2 && !$data || def2.schema === false);
        gen.assign(valid, (0, codegen_1._)`${_await}${(0, code_1.callValidateCode)(cxt, validateRef, passCxt, passSchema)}`, def2.modifying);
      }
      function reportErrs(errors) {
        var _a2;
        gen.if((0, codegen_1.not)((_a2 = def2.valid) !== null && _a2 !== void 0 ? _a2 : valid), errors);
      }
    }
    exports2.funcKeywordCode = funcKeywordCode;
    function modifyData(cxt) {
      const { gen, data, it } = cxt;
      gen.if(it.parentData, () => gen.assign(data, (0, codegen_1._)`${it.parentData}[${it.parentDataProperty}]`));
    }
    function addErrs(cxt, errs) {
      const { gen } = cxt;
      gen.if((0, codegen_1._)`Array.isArray(${errs})`, () => {
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`).assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
        (0, errors_1.extendErrors)(cxt);
      }, () => cxt.error());
    }
    function checkAsyncKeyword({ schemaEnv }, def2) {
      if (def2.async && !schemaEnv.$async)
        throw new Error("async keyword in sync schema");
    }
    function useKeyword(gen, keyword, result) {
      if (result === void 0)
        throw new Error(`keyword "${keyword}" failed to compile`);
      return gen.scopeValue("keyword", typeof result == "function" ? { ref: result } : { ref: result, code: (0, codegen_1.stringify)(result) });
    }
    function validSchemaType(schema, schemaType, allowUndefined = false) {
      return !schemaType.length || schemaType.some((st) => st === "array" ? Array.isArray(schema) : st === "object" ? schema && typeof schema == "object" && !Array.isArray(schema) : typeof schema == st || allowUndefined && typeof schema == "undefined");
    }
    exports2.validSchemaType = validSchemaType;
    function validateKeywordUsage({ schema, opts, self, errSchemaPath }, def2, keyword) {
      if (Array.isArray(def2.keyword) ? !def2.keyword.includes(keyword) : def2.keyword !== keyword) {
        throw new Error("ajv implementation error");
      }
      const deps = def2.dependencies;
      if (deps === null || deps === void 0 ? void 0 : deps.some((kwd) => !Object.prototype.hasOwnProperty.call(schema, kwd))) {
        throw new Error(`parent schema must have dependencies of ${keyword}: ${deps.join(",")}`);
      }
      if (def2.validateSchema) {
        const valid = def2.validateSchema(schema[keyword]);
        if (!valid) {
          const msg = `keyword "${keyword}" value is invalid at path "${errSchemaPath}": ` + self.errorsText(def2.validateSchema.errors);
          if (opts.validateSchema === "log")
            self.logger.error(msg);
          else
            throw new Error(msg);
        }
      }
    }
    exports2.validateKeywordUsage = validateKeywordUsage;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/subschema.js
var require_subschema = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/subschema.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.extendSubschemaMode = exports2.extendSubschemaData = exports2.getSubschema = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    function getSubschema(it, { keyword, schemaProp, schema, schemaPath, errSchemaPath, topSchemaRef }) {
      if (keyword !== void 0 && schema !== void 0) {
        throw new Error('both "keyword" and "schema" passed, only one allowed');
      }
      if (keyword !== void 0) {
        const sch = it.schema[keyword];
        return schemaProp === void 0 ? {
          schema: sch,
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}`
        } : {
          schema: sch[schemaProp],
          schemaPath: (0, codegen_1._)`${it.schemaPath}${(0, codegen_1.getProperty)(keyword)}${(0, codegen_1.getProperty)(schemaProp)}`,
          errSchemaPath: `${it.errSchemaPath}/${keyword}/${(0, util_1.escapeFragment)(schemaProp)}`
        };
      }
      if (schema !== void 0) {
        if (schemaPath === void 0 || errSchemaPath === void 0 || topSchemaRef === void 0) {
          throw new Error('"schemaPath", "errSchemaPath" and "topSchemaRef" are required with "schema"');
        }
        return {
          schema,
          schemaPath,
          topSchemaRef,
          errSchemaPath
        };
      }
      throw new Error('either "keyword" or "schema" must be passed');
    }
    exports2.getSubschema = getSubschema;
    function extendSubschemaData(subschema, it, { dataProp, dataPropType: dpType, data, dataTypes, propertyName }) {
      if (data !== void 0 && dataProp !== void 0) {
        throw new Error('both "data" and "dataProp" passed, only one allowed');
      }
      const { gen } = it;
      if (dataProp !== void 0) {
        const { errorPath, dataPathArr, opts } = it;
        const nextData = gen.let("data", (0, codegen_1._)`${it.data}${(0, codegen_1.getProperty)(dataProp)}`, true);
        dataContextProps(nextData);
        subschema.errorPath = (0, codegen_1.str)`${errorPath}${(0, util_1.getErrorPath)(dataProp, dpType, opts.jsPropertySyntax)}`;
        subschema.parentDataProperty = (0, codegen_1._)`${dataProp}`;
        subschema.dataPathArr = [...dataPathArr, subschema.parentDataProperty];
      }
      if (data !== void 0) {
        const nextData = data instanceof codegen_1.Name ? data : gen.let("data", data, true);
        dataContextProps(nextData);
        if (propertyName !== void 0)
          subschema.propertyName = propertyName;
      }
      if (dataTypes)
        subschema.dataTypes = dataTypes;
      function dataContextProps(_nextData) {
        subschema.data = _nextData;
        subschema.dataLevel = it.dataLevel + 1;
        subschema.dataTypes = [];
        it.definedProperties = /* @__PURE__ */ new Set();
        subschema.parentData = it.data;
        subschema.dataNames = [...it.dataNames, _nextData];
      }
    }
    exports2.extendSubschemaData = extendSubschemaData;
    function extendSubschemaMode(subschema, { jtdDiscriminator, jtdMetadata, compositeRule, createErrors, allErrors }) {
      if (compositeRule !== void 0)
        subschema.compositeRule = compositeRule;
      if (createErrors !== void 0)
        subschema.createErrors = createErrors;
      if (allErrors !== void 0)
        subschema.allErrors = allErrors;
      subschema.jtdDiscriminator = jtdDiscriminator;
      subschema.jtdMetadata = jtdMetadata;
    }
    exports2.extendSubschemaMode = extendSubschemaMode;
  }
});

// ../../node_modules/.pnpm/fast-deep-equal@3.1.3/node_modules/fast-deep-equal/index.js
var require_fast_deep_equal = __commonJS({
  "../../node_modules/.pnpm/fast-deep-equal@3.1.3/node_modules/fast-deep-equal/index.js"(exports2, module2) {
    "use strict";
    module2.exports = function equal(a, b2) {
      if (a === b2) return true;
      if (a && b2 && typeof a == "object" && typeof b2 == "object") {
        if (a.constructor !== b2.constructor) return false;
        var length, i, keys;
        if (Array.isArray(a)) {
          length = a.length;
          if (length != b2.length) return false;
          for (i = length; i-- !== 0; )
            if (!equal(a[i], b2[i])) return false;
          return true;
        }
        if (a.constructor === RegExp) return a.source === b2.source && a.flags === b2.flags;
        if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b2.valueOf();
        if (a.toString !== Object.prototype.toString) return a.toString() === b2.toString();
        keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b2).length) return false;
        for (i = length; i-- !== 0; )
          if (!Object.prototype.hasOwnProperty.call(b2, keys[i])) return false;
        for (i = length; i-- !== 0; ) {
          var key2 = keys[i];
          if (!equal(a[key2], b2[key2])) return false;
        }
        return true;
      }
      return a !== a && b2 !== b2;
    };
  }
});

// ../../node_modules/.pnpm/json-schema-traverse@1.0.0/node_modules/json-schema-traverse/index.js
var require_json_schema_traverse = __commonJS({
  "../../node_modules/.pnpm/json-schema-traverse@1.0.0/node_modules/json-schema-traverse/index.js"(exports2, module2) {
    "use strict";
    var traverse = module2.exports = function(schema, opts, cb) {
      if (typeof opts == "function") {
        cb = opts;
        opts = {};
      }
      cb = opts.cb || cb;
      var pre = typeof cb == "function" ? cb : cb.pre || function() {
      };
      var post = cb.post || function() {
      };
      _traverse(opts, pre, post, schema, "", schema);
    };
    traverse.keywords = {
      additionalItems: true,
      items: true,
      contains: true,
      additionalProperties: true,
      propertyNames: true,
      not: true,
      if: true,
      then: true,
      else: true
    };
    traverse.arrayKeywords = {
      items: true,
      allOf: true,
      anyOf: true,
      oneOf: true
    };
    traverse.propsKeywords = {
      $defs: true,
      definitions: true,
      properties: true,
      patternProperties: true,
      dependencies: true
    };
    traverse.skipKeywords = {
      default: true,
      enum: true,
      const: true,
      required: true,
      maximum: true,
      minimum: true,
      exclusiveMaximum: true,
      exclusiveMinimum: true,
      multipleOf: true,
      maxLength: true,
      minLength: true,
      pattern: true,
      format: true,
      maxItems: true,
      minItems: true,
      uniqueItems: true,
      maxProperties: true,
      minProperties: true
    };
    function _traverse(opts, pre, post, schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex) {
      if (schema && typeof schema == "object" && !Array.isArray(schema)) {
        pre(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
        for (var key2 in schema) {
          var sch = schema[key2];
          if (Array.isArray(sch)) {
            if (key2 in traverse.arrayKeywords) {
              for (var i = 0; i < sch.length; i++)
                _traverse(opts, pre, post, sch[i], jsonPtr + "/" + key2 + "/" + i, rootSchema, jsonPtr, key2, schema, i);
            }
          } else if (key2 in traverse.propsKeywords) {
            if (sch && typeof sch == "object") {
              for (var prop in sch)
                _traverse(opts, pre, post, sch[prop], jsonPtr + "/" + key2 + "/" + escapeJsonPtr(prop), rootSchema, jsonPtr, key2, schema, prop);
            }
          } else if (key2 in traverse.keywords || opts.allKeys && !(key2 in traverse.skipKeywords)) {
            _traverse(opts, pre, post, sch, jsonPtr + "/" + key2, rootSchema, jsonPtr, key2, schema);
          }
        }
        post(schema, jsonPtr, rootSchema, parentJsonPtr, parentKeyword, parentSchema, keyIndex);
      }
    }
    function escapeJsonPtr(str2) {
      return str2.replace(/~/g, "~0").replace(/\//g, "~1");
    }
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/resolve.js
var require_resolve = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/resolve.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getSchemaRefs = exports2.resolveUrl = exports2.normalizeId = exports2._getFullPath = exports2.getFullPath = exports2.inlineRef = void 0;
    var util_1 = require_util();
    var equal = require_fast_deep_equal();
    var traverse = require_json_schema_traverse();
    var SIMPLE_INLINED = /* @__PURE__ */ new Set([
      "type",
      "format",
      "pattern",
      "maxLength",
      "minLength",
      "maxProperties",
      "minProperties",
      "maxItems",
      "minItems",
      "maximum",
      "minimum",
      "uniqueItems",
      "multipleOf",
      "required",
      "enum",
      "const"
    ]);
    function inlineRef(schema, limit = true) {
      if (typeof schema == "boolean")
        return true;
      if (limit === true)
        return !hasRef(schema);
      if (!limit)
        return false;
      return countKeys(schema) <= limit;
    }
    exports2.inlineRef = inlineRef;
    var REF_KEYWORDS = /* @__PURE__ */ new Set([
      "$ref",
      "$recursiveRef",
      "$recursiveAnchor",
      "$dynamicRef",
      "$dynamicAnchor"
    ]);
    function hasRef(schema) {
      for (const key2 in schema) {
        if (REF_KEYWORDS.has(key2))
          return true;
        const sch = schema[key2];
        if (Array.isArray(sch) && sch.some(hasRef))
          return true;
        if (typeof sch == "object" && hasRef(sch))
          return true;
      }
      return false;
    }
    function countKeys(schema) {
      let count = 0;
      for (const key2 in schema) {
        if (key2 === "$ref")
          return Infinity;
        count++;
        if (SIMPLE_INLINED.has(key2))
          continue;
        if (typeof schema[key2] == "object") {
          (0, util_1.eachItem)(schema[key2], (sch) => count += countKeys(sch));
        }
        if (count === Infinity)
          return Infinity;
      }
      return count;
    }
    function getFullPath(resolver, id = "", normalize) {
      if (normalize !== false)
        id = normalizeId(id);
      const p = resolver.parse(id);
      return _getFullPath(resolver, p);
    }
    exports2.getFullPath = getFullPath;
    function _getFullPath(resolver, p) {
      const serialized = resolver.serialize(p);
      return serialized.split("#")[0] + "#";
    }
    exports2._getFullPath = _getFullPath;
    var TRAILING_SLASH_HASH = /#\/?$/;
    function normalizeId(id) {
      return id ? id.replace(TRAILING_SLASH_HASH, "") : "";
    }
    exports2.normalizeId = normalizeId;
    function resolveUrl(resolver, baseId, id) {
      id = normalizeId(id);
      return resolver.resolve(baseId, id);
    }
    exports2.resolveUrl = resolveUrl;
    var ANCHOR = /^[a-z_][-a-z0-9._]*$/i;
    function getSchemaRefs(schema, baseId) {
      if (typeof schema == "boolean")
        return {};
      const { schemaId, uriResolver } = this.opts;
      const schId = normalizeId(schema[schemaId] || baseId);
      const baseIds = { "": schId };
      const pathPrefix = getFullPath(uriResolver, schId, false);
      const localRefs = {};
      const schemaRefs = /* @__PURE__ */ new Set();
      traverse(schema, { allKeys: true }, (sch, jsonPtr, _, parentJsonPtr) => {
        if (parentJsonPtr === void 0)
          return;
        const fullPath = pathPrefix + jsonPtr;
        let innerBaseId = baseIds[parentJsonPtr];
        if (typeof sch[schemaId] == "string")
          innerBaseId = addRef.call(this, sch[schemaId]);
        addAnchor.call(this, sch.$anchor);
        addAnchor.call(this, sch.$dynamicAnchor);
        baseIds[jsonPtr] = innerBaseId;
        function addRef(ref) {
          const _resolve = this.opts.uriResolver.resolve;
          ref = normalizeId(innerBaseId ? _resolve(innerBaseId, ref) : ref);
          if (schemaRefs.has(ref))
            throw ambiguos(ref);
          schemaRefs.add(ref);
          let schOrRef = this.refs[ref];
          if (typeof schOrRef == "string")
            schOrRef = this.refs[schOrRef];
          if (typeof schOrRef == "object") {
            checkAmbiguosRef(sch, schOrRef.schema, ref);
          } else if (ref !== normalizeId(fullPath)) {
            if (ref[0] === "#") {
              checkAmbiguosRef(sch, localRefs[ref], ref);
              localRefs[ref] = sch;
            } else {
              this.refs[ref] = fullPath;
            }
          }
          return ref;
        }
        function addAnchor(anchor) {
          if (typeof anchor == "string") {
            if (!ANCHOR.test(anchor))
              throw new Error(`invalid anchor "${anchor}"`);
            addRef.call(this, `#${anchor}`);
          }
        }
      });
      return localRefs;
      function checkAmbiguosRef(sch1, sch2, ref) {
        if (sch2 !== void 0 && !equal(sch1, sch2))
          throw ambiguos(ref);
      }
      function ambiguos(ref) {
        return new Error(`reference "${ref}" resolves to more than one schema`);
      }
    }
    exports2.getSchemaRefs = getSchemaRefs;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/index.js
var require_validate = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/validate/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.getData = exports2.KeywordCxt = exports2.validateFunctionCode = void 0;
    var boolSchema_1 = require_boolSchema();
    var dataType_1 = require_dataType();
    var applicability_1 = require_applicability();
    var dataType_2 = require_dataType();
    var defaults_1 = require_defaults();
    var keyword_1 = require_keyword();
    var subschema_1 = require_subschema();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var errors_1 = require_errors();
    function validateFunctionCode(it) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          topSchemaObjCode(it);
          return;
        }
      }
      validateFunction(it, () => (0, boolSchema_1.topBoolOrEmptySchema)(it));
    }
    exports2.validateFunctionCode = validateFunctionCode;
    function validateFunction({ gen, validateName, schema, schemaEnv, opts }, body) {
      if (opts.code.es5) {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${names_1.default.valCxt}`, schemaEnv.$async, () => {
          gen.code((0, codegen_1._)`"use strict"; ${funcSourceUrl(schema, opts)}`);
          destructureValCxtES5(gen, opts);
          gen.code(body);
        });
      } else {
        gen.func(validateName, (0, codegen_1._)`${names_1.default.data}, ${destructureValCxt(opts)}`, schemaEnv.$async, () => gen.code(funcSourceUrl(schema, opts)).code(body));
      }
    }
    function destructureValCxt(opts) {
      return (0, codegen_1._)`{${names_1.default.instancePath}="", ${names_1.default.parentData}, ${names_1.default.parentDataProperty}, ${names_1.default.rootData}=${names_1.default.data}${opts.dynamicRef ? (0, codegen_1._)`, ${names_1.default.dynamicAnchors}={}` : codegen_1.nil}}={}`;
    }
    function destructureValCxtES5(gen, opts) {
      gen.if(names_1.default.valCxt, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.instancePath}`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentData}`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.parentDataProperty}`);
        gen.var(names_1.default.rootData, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.rootData}`);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`${names_1.default.valCxt}.${names_1.default.dynamicAnchors}`);
      }, () => {
        gen.var(names_1.default.instancePath, (0, codegen_1._)`""`);
        gen.var(names_1.default.parentData, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.parentDataProperty, (0, codegen_1._)`undefined`);
        gen.var(names_1.default.rootData, names_1.default.data);
        if (opts.dynamicRef)
          gen.var(names_1.default.dynamicAnchors, (0, codegen_1._)`{}`);
      });
    }
    function topSchemaObjCode(it) {
      const { schema, opts, gen } = it;
      validateFunction(it, () => {
        if (opts.$comment && schema.$comment)
          commentKeyword(it);
        checkNoDefault(it);
        gen.let(names_1.default.vErrors, null);
        gen.let(names_1.default.errors, 0);
        if (opts.unevaluated)
          resetEvaluated(it);
        typeAndKeywords(it);
        returnResults(it);
      });
      return;
    }
    function resetEvaluated(it) {
      const { gen, validateName } = it;
      it.evaluated = gen.const("evaluated", (0, codegen_1._)`${validateName}.evaluated`);
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicProps`, () => gen.assign((0, codegen_1._)`${it.evaluated}.props`, (0, codegen_1._)`undefined`));
      gen.if((0, codegen_1._)`${it.evaluated}.dynamicItems`, () => gen.assign((0, codegen_1._)`${it.evaluated}.items`, (0, codegen_1._)`undefined`));
    }
    function funcSourceUrl(schema, opts) {
      const schId = typeof schema == "object" && schema[opts.schemaId];
      return schId && (opts.code.source || opts.code.process) ? (0, codegen_1._)`/*# sourceURL=${schId} */` : codegen_1.nil;
    }
    function subschemaCode(it, valid) {
      if (isSchemaObj(it)) {
        checkKeywords(it);
        if (schemaCxtHasRules(it)) {
          subSchemaObjCode(it, valid);
          return;
        }
      }
      (0, boolSchema_1.boolOrEmptySchema)(it, valid);
    }
    function schemaCxtHasRules({ schema, self }) {
      if (typeof schema == "boolean")
        return !schema;
      for (const key2 in schema)
        if (self.RULES.all[key2])
          return true;
      return false;
    }
    function isSchemaObj(it) {
      return typeof it.schema != "boolean";
    }
    function subSchemaObjCode(it, valid) {
      const { schema, gen, opts } = it;
      if (opts.$comment && schema.$comment)
        commentKeyword(it);
      updateContext(it);
      checkAsyncSchema(it);
      const errsCount = gen.const("_errs", names_1.default.errors);
      typeAndKeywords(it, errsCount);
      gen.var(valid, (0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
    }
    function checkKeywords(it) {
      (0, util_1.checkUnknownRules)(it);
      checkRefsAndKeywords(it);
    }
    function typeAndKeywords(it, errsCount) {
      if (it.opts.jtd)
        return schemaKeywords(it, [], false, errsCount);
      const types = (0, dataType_1.getSchemaTypes)(it.schema);
      const checkedTypes = (0, dataType_1.coerceAndCheckDataType)(it, types);
      schemaKeywords(it, types, !checkedTypes, errsCount);
    }
    function checkRefsAndKeywords(it) {
      const { schema, errSchemaPath, opts, self } = it;
      if (schema.$ref && opts.ignoreKeywordsWithRef && (0, util_1.schemaHasRulesButRef)(schema, self.RULES)) {
        self.logger.warn(`$ref: keywords ignored in schema at path "${errSchemaPath}"`);
      }
    }
    function checkNoDefault(it) {
      const { schema, opts } = it;
      if (schema.default !== void 0 && opts.useDefaults && opts.strictSchema) {
        (0, util_1.checkStrictMode)(it, "default is ignored in the schema root");
      }
    }
    function updateContext(it) {
      const schId = it.schema[it.opts.schemaId];
      if (schId)
        it.baseId = (0, resolve_1.resolveUrl)(it.opts.uriResolver, it.baseId, schId);
    }
    function checkAsyncSchema(it) {
      if (it.schema.$async && !it.schemaEnv.$async)
        throw new Error("async schema in sync schema");
    }
    function commentKeyword({ gen, schemaEnv, schema, errSchemaPath, opts }) {
      const msg = schema.$comment;
      if (opts.$comment === true) {
        gen.code((0, codegen_1._)`${names_1.default.self}.logger.log(${msg})`);
      } else if (typeof opts.$comment == "function") {
        const schemaPath = (0, codegen_1.str)`${errSchemaPath}/$comment`;
        const rootName = gen.scopeValue("root", { ref: schemaEnv.root });
        gen.code((0, codegen_1._)`${names_1.default.self}.opts.$comment(${msg}, ${schemaPath}, ${rootName}.schema)`);
      }
    }
    function returnResults(it) {
      const { gen, schemaEnv, validateName, ValidationError, opts } = it;
      if (schemaEnv.$async) {
        gen.if((0, codegen_1._)`${names_1.default.errors} === 0`, () => gen.return(names_1.default.data), () => gen.throw((0, codegen_1._)`new ${ValidationError}(${names_1.default.vErrors})`));
      } else {
        gen.assign((0, codegen_1._)`${validateName}.errors`, names_1.default.vErrors);
        if (opts.unevaluated)
          assignEvaluated(it);
        gen.return((0, codegen_1._)`${names_1.default.errors} === 0`);
      }
    }
    function assignEvaluated({ gen, evaluated, props, items }) {
      if (props instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.props`, props);
      if (items instanceof codegen_1.Name)
        gen.assign((0, codegen_1._)`${evaluated}.items`, items);
    }
    function schemaKeywords(it, types, typeErrors, errsCount) {
      const { gen, schema, data, allErrors, opts, self } = it;
      const { RULES: RULES3 } = self;
      if (schema.$ref && (opts.ignoreKeywordsWithRef || !(0, util_1.schemaHasRulesButRef)(schema, RULES3))) {
        gen.block(() => keywordCode(it, "$ref", RULES3.all.$ref.definition));
        return;
      }
      if (!opts.jtd)
        checkStrictTypes(it, types);
      gen.block(() => {
        for (const group of RULES3.rules)
          groupKeywords(group);
        groupKeywords(RULES3.post);
      });
      function groupKeywords(group) {
        if (!(0, applicability_1.shouldUseGroup)(schema, group))
          return;
        if (group.type) {
          gen.if((0, dataType_2.checkDataType)(group.type, data, opts.strictNumbers));
          iterateKeywords(it, group);
          if (types.length === 1 && types[0] === group.type && typeErrors) {
            gen.else();
            (0, dataType_2.reportTypeError)(it);
          }
          gen.endIf();
        } else {
          iterateKeywords(it, group);
        }
        if (!allErrors)
          gen.if((0, codegen_1._)`${names_1.default.errors} === ${errsCount || 0}`);
      }
    }
    function iterateKeywords(it, group) {
      const { gen, schema, opts: { useDefaults } } = it;
      if (useDefaults)
        (0, defaults_1.assignDefaults)(it, group.type);
      gen.block(() => {
        for (const rule of group.rules) {
          if ((0, applicability_1.shouldUseRule)(schema, rule)) {
            keywordCode(it, rule.keyword, rule.definition, group.type);
          }
        }
      });
    }
    function checkStrictTypes(it, types) {
      if (it.schemaEnv.meta || !it.opts.strictTypes)
        return;
      checkContextTypes(it, types);
      if (!it.opts.allowUnionTypes)
        checkMultipleTypes(it, types);
      checkKeywordTypes(it, it.dataTypes);
    }
    function checkContextTypes(it, types) {
      if (!types.length)
        return;
      if (!it.dataTypes.length) {
        it.dataTypes = types;
        return;
      }
      types.forEach((t) => {
        if (!includesType(it.dataTypes, t)) {
          strictTypesError(it, `type "${t}" not allowed by context "${it.dataTypes.join(",")}"`);
        }
      });
      narrowSchemaTypes(it, types);
    }
    function checkMultipleTypes(it, ts) {
      if (ts.length > 1 && !(ts.length === 2 && ts.includes("null"))) {
        strictTypesError(it, "use allowUnionTypes to allow union type keyword");
      }
    }
    function checkKeywordTypes(it, ts) {
      const rules = it.self.RULES.all;
      for (const keyword in rules) {
        const rule = rules[keyword];
        if (typeof rule == "object" && (0, applicability_1.shouldUseRule)(it.schema, rule)) {
          const { type } = rule.definition;
          if (type.length && !type.some((t) => hasApplicableType(ts, t))) {
            strictTypesError(it, `missing type "${type.join(",")}" for keyword "${keyword}"`);
          }
        }
      }
    }
    function hasApplicableType(schTs, kwdT) {
      return schTs.includes(kwdT) || kwdT === "number" && schTs.includes("integer");
    }
    function includesType(ts, t) {
      return ts.includes(t) || t === "integer" && ts.includes("number");
    }
    function narrowSchemaTypes(it, withTypes) {
      const ts = [];
      for (const t of it.dataTypes) {
        if (includesType(withTypes, t))
          ts.push(t);
        else if (withTypes.includes("integer") && t === "number")
          ts.push("integer");
      }
      it.dataTypes = ts;
    }
    function strictTypesError(it, msg) {
      const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
      msg += ` at "${schemaPath}" (strictTypes)`;
      (0, util_1.checkStrictMode)(it, msg, it.opts.strictTypes);
    }
    var KeywordCxt = class {
      constructor(it, def2, keyword) {
        (0, keyword_1.validateKeywordUsage)(it, def2, keyword);
        this.gen = it.gen;
        this.allErrors = it.allErrors;
        this.keyword = keyword;
        this.data = it.data;
        this.schema = it.schema[keyword];
        this.$data = def2.$data && it.opts.$data && this.schema && this.schema.$data;
        this.schemaValue = (0, util_1.schemaRefOrVal)(it, this.schema, keyword, this.$data);
        this.schemaType = def2.schemaType;
        this.parentSchema = it.schema;
        this.params = {};
        this.it = it;
        this.def = def2;
        if (this.$data) {
          this.schemaCode = it.gen.const("vSchema", getData(this.$data, it));
        } else {
          this.schemaCode = this.schemaValue;
          if (!(0, keyword_1.validSchemaType)(this.schema, def2.schemaType, def2.allowUndefined)) {
            throw new Error(`${keyword} value must be ${JSON.stringify(def2.schemaType)}`);
          }
        }
        if ("code" in def2 ? def2.trackErrors : def2.errors !== false) {
          this.errsCount = it.gen.const("_errs", names_1.default.errors);
        }
      }
      result(condition, successAction, failAction) {
        this.failResult((0, codegen_1.not)(condition), successAction, failAction);
      }
      failResult(condition, successAction, failAction) {
        this.gen.if(condition);
        if (failAction)
          failAction();
        else
          this.error();
        if (successAction) {
          this.gen.else();
          successAction();
          if (this.allErrors)
            this.gen.endIf();
        } else {
          if (this.allErrors)
            this.gen.endIf();
          else
            this.gen.else();
        }
      }
      pass(condition, failAction) {
        this.failResult((0, codegen_1.not)(condition), void 0, failAction);
      }
      fail(condition) {
        if (condition === void 0) {
          this.error();
          if (!this.allErrors)
            this.gen.if(false);
          return;
        }
        this.gen.if(condition);
        this.error();
        if (this.allErrors)
          this.gen.endIf();
        else
          this.gen.else();
      }
      fail$data(condition) {
        if (!this.$data)
          return this.fail(condition);
        const { schemaCode } = this;
        this.fail((0, codegen_1._)`${schemaCode} !== undefined && (${(0, codegen_1.or)(this.invalid$data(), condition)})`);
      }
      error(append, errorParams, errorPaths) {
        if (errorParams) {
          this.setParams(errorParams);
          this._error(append, errorPaths);
          this.setParams({});
          return;
        }
        this._error(append, errorPaths);
      }
      _error(append, errorPaths) {
        ;
        (append ? errors_1.reportExtraError : errors_1.reportError)(this, this.def.error, errorPaths);
      }
      $dataError() {
        (0, errors_1.reportError)(this, this.def.$dataError || errors_1.keyword$DataError);
      }
      reset() {
        if (this.errsCount === void 0)
          throw new Error('add "trackErrors" to keyword definition');
        (0, errors_1.resetErrorsCount)(this.gen, this.errsCount);
      }
      ok(cond) {
        if (!this.allErrors)
          this.gen.if(cond);
      }
      setParams(obj2, assign) {
        if (assign)
          Object.assign(this.params, obj2);
        else
          this.params = obj2;
      }
      block$data(valid, codeBlock, $dataValid = codegen_1.nil) {
        this.gen.block(() => {
          this.check$data(valid, $dataValid);
          codeBlock();
        });
      }
      check$data(valid = codegen_1.nil, $dataValid = codegen_1.nil) {
        if (!this.$data)
          return;
        const { gen, schemaCode, schemaType, def: def2 } = this;
        gen.if((0, codegen_1.or)((0, codegen_1._)`${schemaCode} === undefined`, $dataValid));
        if (valid !== codegen_1.nil)
          gen.assign(valid, true);
        if (schemaType.length || def2.validateSchema) {
          gen.elseIf(this.invalid$data());
          this.$dataError();
          if (valid !== codegen_1.nil)
            gen.assign(valid, false);
        }
        gen.else();
      }
      invalid$data() {
        const { gen, schemaCode, schemaType, def: def2, it } = this;
        return (0, codegen_1.or)(wrong$DataType(), invalid$DataSchema());
        function wrong$DataType() {
          if (schemaType.length) {
            if (!(schemaCode instanceof codegen_1.Name))
              throw new Error("ajv implementation error");
            const st = Array.isArray(schemaType) ? schemaType : [schemaType];
            return (0, codegen_1._)`${(0, dataType_2.checkDataTypes)(st, schemaCode, it.opts.strictNumbers, dataType_2.DataType.Wrong)}`;
          }
          return codegen_1.nil;
        }
        function invalid$DataSchema() {
          if (def2.validateSchema) {
            const validateSchemaRef = gen.scopeValue("validate$data", { ref: def2.validateSchema });
            return (0, codegen_1._)`!${validateSchemaRef}(${schemaCode})`;
          }
          return codegen_1.nil;
        }
      }
      subschema(appl, valid) {
        const subschema = (0, subschema_1.getSubschema)(this.it, appl);
        (0, subschema_1.extendSubschemaData)(subschema, this.it, appl);
        (0, subschema_1.extendSubschemaMode)(subschema, appl);
        const nextContext = { ...this.it, ...subschema, items: void 0, props: void 0 };
        subschemaCode(nextContext, valid);
        return nextContext;
      }
      mergeEvaluated(schemaCxt, toName) {
        const { it, gen } = this;
        if (!it.opts.unevaluated)
          return;
        if (it.props !== true && schemaCxt.props !== void 0) {
          it.props = util_1.mergeEvaluated.props(gen, schemaCxt.props, it.props, toName);
        }
        if (it.items !== true && schemaCxt.items !== void 0) {
          it.items = util_1.mergeEvaluated.items(gen, schemaCxt.items, it.items, toName);
        }
      }
      mergeValidEvaluated(schemaCxt, valid) {
        const { it, gen } = this;
        if (it.opts.unevaluated && (it.props !== true || it.items !== true)) {
          gen.if(valid, () => this.mergeEvaluated(schemaCxt, codegen_1.Name));
          return true;
        }
      }
    };
    exports2.KeywordCxt = KeywordCxt;
    function keywordCode(it, keyword, def2, ruleType) {
      const cxt = new KeywordCxt(it, def2, keyword);
      if ("code" in def2) {
        def2.code(cxt, ruleType);
      } else if (cxt.$data && def2.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def2);
      } else if ("macro" in def2) {
        (0, keyword_1.macroKeywordCode)(cxt, def2);
      } else if (def2.compile || def2.validate) {
        (0, keyword_1.funcKeywordCode)(cxt, def2);
      }
    }
    var JSON_POINTER = /^\/(?:[^~]|~0|~1)*$/;
    var RELATIVE_JSON_POINTER = /^([0-9]+)(#|\/(?:[^~]|~0|~1)*)?$/;
    function getData($data, { dataLevel, dataNames, dataPathArr }) {
      let jsonPointer;
      let data;
      if ($data === "")
        return names_1.default.rootData;
      if ($data[0] === "/") {
        if (!JSON_POINTER.test($data))
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        jsonPointer = $data;
        data = names_1.default.rootData;
      } else {
        const matches = RELATIVE_JSON_POINTER.exec($data);
        if (!matches)
          throw new Error(`Invalid JSON-pointer: ${$data}`);
        const up = +matches[1];
        jsonPointer = matches[2];
        if (jsonPointer === "#") {
          if (up >= dataLevel)
            throw new Error(errorMsg("property/index", up));
          return dataPathArr[dataLevel - up];
        }
        if (up > dataLevel)
          throw new Error(errorMsg("data", up));
        data = dataNames[dataLevel - up];
        if (!jsonPointer)
          return data;
      }
      let expr = data;
      const segments = jsonPointer.split("/");
      for (const segment of segments) {
        if (segment) {
          data = (0, codegen_1._)`${data}${(0, codegen_1.getProperty)((0, util_1.unescapeJsonPointer)(segment))}`;
          expr = (0, codegen_1._)`${expr} && ${data}`;
        }
      }
      return expr;
      function errorMsg(pointerType, up) {
        return `Cannot access ${pointerType} ${up} levels up, current level is ${dataLevel}`;
      }
    }
    exports2.getData = getData;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/runtime/validation_error.js
var require_validation_error = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/runtime/validation_error.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var ValidationError = class extends Error {
      constructor(errors) {
        super("validation failed");
        this.errors = errors;
        this.ajv = this.validation = true;
      }
    };
    exports2.default = ValidationError;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/ref_error.js
var require_ref_error = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/ref_error.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var resolve_1 = require_resolve();
    var MissingRefError = class extends Error {
      constructor(resolver, baseId, ref, msg) {
        super(msg || `can't resolve reference ${ref} from id ${baseId}`);
        this.missingRef = (0, resolve_1.resolveUrl)(resolver, baseId, ref);
        this.missingSchema = (0, resolve_1.normalizeId)((0, resolve_1.getFullPath)(resolver, this.missingRef));
      }
    };
    exports2.default = MissingRefError;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/index.js
var require_compile = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/compile/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.resolveSchema = exports2.getCompilingSchema = exports2.resolveRef = exports2.compileSchema = exports2.SchemaEnv = void 0;
    var codegen_1 = require_codegen();
    var validation_error_1 = require_validation_error();
    var names_1 = require_names();
    var resolve_1 = require_resolve();
    var util_1 = require_util();
    var validate_1 = require_validate();
    var SchemaEnv = class {
      constructor(env) {
        var _a;
        this.refs = {};
        this.dynamicAnchors = {};
        let schema;
        if (typeof env.schema == "object")
          schema = env.schema;
        this.schema = env.schema;
        this.schemaId = env.schemaId;
        this.root = env.root || this;
        this.baseId = (_a = env.baseId) !== null && _a !== void 0 ? _a : (0, resolve_1.normalizeId)(schema === null || schema === void 0 ? void 0 : schema[env.schemaId || "$id"]);
        this.schemaPath = env.schemaPath;
        this.localRefs = env.localRefs;
        this.meta = env.meta;
        this.$async = schema === null || schema === void 0 ? void 0 : schema.$async;
        this.refs = {};
      }
    };
    exports2.SchemaEnv = SchemaEnv;
    function compileSchema(sch) {
      const _sch = getCompilingSchema.call(this, sch);
      if (_sch)
        return _sch;
      const rootId = (0, resolve_1.getFullPath)(this.opts.uriResolver, sch.root.baseId);
      const { es5, lines } = this.opts.code;
      const { ownProperties } = this.opts;
      const gen = new codegen_1.CodeGen(this.scope, { es5, lines, ownProperties });
      let _ValidationError;
      if (sch.$async) {
        _ValidationError = gen.scopeValue("Error", {
          ref: validation_error_1.default,
          code: (0, codegen_1._)`require("ajv/dist/runtime/validation_error").default`
        });
      }
      const validateName = gen.scopeName("validate");
      sch.validateName = validateName;
      const schemaCxt = {
        gen,
        allErrors: this.opts.allErrors,
        data: names_1.default.data,
        parentData: names_1.default.parentData,
        parentDataProperty: names_1.default.parentDataProperty,
        dataNames: [names_1.default.data],
        dataPathArr: [codegen_1.nil],
        // TODO can its length be used as dataLevel if nil is removed?
        dataLevel: 0,
        dataTypes: [],
        definedProperties: /* @__PURE__ */ new Set(),
        topSchemaRef: gen.scopeValue("schema", this.opts.code.source === true ? { ref: sch.schema, code: (0, codegen_1.stringify)(sch.schema) } : { ref: sch.schema }),
        validateName,
        ValidationError: _ValidationError,
        schema: sch.schema,
        schemaEnv: sch,
        rootId,
        baseId: sch.baseId || rootId,
        schemaPath: codegen_1.nil,
        errSchemaPath: sch.schemaPath || (this.opts.jtd ? "" : "#"),
        errorPath: (0, codegen_1._)`""`,
        opts: this.opts,
        self: this
      };
      let sourceCode;
      try {
        this._compilations.add(sch);
        (0, validate_1.validateFunctionCode)(schemaCxt);
        gen.optimize(this.opts.code.optimize);
        const validateCode = gen.toString();
        sourceCode = `${gen.scopeRefs(names_1.default.scope)}return ${validateCode}`;
        if (this.opts.code.process)
          sourceCode = this.opts.code.process(sourceCode, sch);
        const makeValidate = new Function(`${names_1.default.self}`, `${names_1.default.scope}`, sourceCode);
        const validate = makeValidate(this, this.scope.get());
        this.scope.value(validateName, { ref: validate });
        validate.errors = null;
        validate.schema = sch.schema;
        validate.schemaEnv = sch;
        if (sch.$async)
          validate.$async = true;
        if (this.opts.code.source === true) {
          validate.source = { validateName, validateCode, scopeValues: gen._values };
        }
        if (this.opts.unevaluated) {
          const { props, items } = schemaCxt;
          validate.evaluated = {
            props: props instanceof codegen_1.Name ? void 0 : props,
            items: items instanceof codegen_1.Name ? void 0 : items,
            dynamicProps: props instanceof codegen_1.Name,
            dynamicItems: items instanceof codegen_1.Name
          };
          if (validate.source)
            validate.source.evaluated = (0, codegen_1.stringify)(validate.evaluated);
        }
        sch.validate = validate;
        return sch;
      } catch (e) {
        delete sch.validate;
        delete sch.validateName;
        if (sourceCode)
          this.logger.error("Error compiling schema, function code:", sourceCode);
        throw e;
      } finally {
        this._compilations.delete(sch);
      }
    }
    exports2.compileSchema = compileSchema;
    function resolveRef(root, baseId, ref) {
      var _a;
      ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, ref);
      const schOrFunc = root.refs[ref];
      if (schOrFunc)
        return schOrFunc;
      let _sch = resolve.call(this, root, ref);
      if (_sch === void 0) {
        const schema = (_a = root.localRefs) === null || _a === void 0 ? void 0 : _a[ref];
        const { schemaId } = this.opts;
        if (schema)
          _sch = new SchemaEnv({ schema, schemaId, root, baseId });
      }
      if (_sch === void 0)
        return;
      return root.refs[ref] = inlineOrCompile.call(this, _sch);
    }
    exports2.resolveRef = resolveRef;
    function inlineOrCompile(sch) {
      if ((0, resolve_1.inlineRef)(sch.schema, this.opts.inlineRefs))
        return sch.schema;
      return sch.validate ? sch : compileSchema.call(this, sch);
    }
    function getCompilingSchema(schEnv) {
      for (const sch of this._compilations) {
        if (sameSchemaEnv(sch, schEnv))
          return sch;
      }
    }
    exports2.getCompilingSchema = getCompilingSchema;
    function sameSchemaEnv(s1, s2) {
      return s1.schema === s2.schema && s1.root === s2.root && s1.baseId === s2.baseId;
    }
    function resolve(root, ref) {
      let sch;
      while (typeof (sch = this.refs[ref]) == "string")
        ref = sch;
      return sch || this.schemas[ref] || resolveSchema.call(this, root, ref);
    }
    function resolveSchema(root, ref) {
      const p = this.opts.uriResolver.parse(ref);
      const refPath = (0, resolve_1._getFullPath)(this.opts.uriResolver, p);
      let baseId = (0, resolve_1.getFullPath)(this.opts.uriResolver, root.baseId, void 0);
      if (Object.keys(root.schema).length > 0 && refPath === baseId) {
        return getJsonPointer.call(this, p, root);
      }
      const id = (0, resolve_1.normalizeId)(refPath);
      const schOrRef = this.refs[id] || this.schemas[id];
      if (typeof schOrRef == "string") {
        const sch = resolveSchema.call(this, root, schOrRef);
        if (typeof (sch === null || sch === void 0 ? void 0 : sch.schema) !== "object")
          return;
        return getJsonPointer.call(this, p, sch);
      }
      if (typeof (schOrRef === null || schOrRef === void 0 ? void 0 : schOrRef.schema) !== "object")
        return;
      if (!schOrRef.validate)
        compileSchema.call(this, schOrRef);
      if (id === (0, resolve_1.normalizeId)(ref)) {
        const { schema } = schOrRef;
        const { schemaId } = this.opts;
        const schId = schema[schemaId];
        if (schId)
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        return new SchemaEnv({ schema, schemaId, root, baseId });
      }
      return getJsonPointer.call(this, p, schOrRef);
    }
    exports2.resolveSchema = resolveSchema;
    var PREVENT_SCOPE_CHANGE = /* @__PURE__ */ new Set([
      "properties",
      "patternProperties",
      "enum",
      "dependencies",
      "definitions"
    ]);
    function getJsonPointer(parsedRef, { baseId, schema, root }) {
      var _a;
      if (((_a = parsedRef.fragment) === null || _a === void 0 ? void 0 : _a[0]) !== "/")
        return;
      for (const part of parsedRef.fragment.slice(1).split("/")) {
        if (typeof schema === "boolean")
          return;
        const partSchema = schema[(0, util_1.unescapeFragment)(part)];
        if (partSchema === void 0)
          return;
        schema = partSchema;
        const schId = typeof schema === "object" && schema[this.opts.schemaId];
        if (!PREVENT_SCOPE_CHANGE.has(part) && schId) {
          baseId = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schId);
        }
      }
      let env;
      if (typeof schema != "boolean" && schema.$ref && !(0, util_1.schemaHasRulesButRef)(schema, this.RULES)) {
        const $ref = (0, resolve_1.resolveUrl)(this.opts.uriResolver, baseId, schema.$ref);
        env = resolveSchema.call(this, root, $ref);
      }
      const { schemaId } = this.opts;
      env = env || new SchemaEnv({ schema, schemaId, root, baseId });
      if (env.schema !== env.root.schema)
        return env;
      return void 0;
    }
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/refs/data.json
var require_data = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/refs/data.json"(exports2, module2) {
    module2.exports = {
      $id: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#",
      description: "Meta-schema for $data reference (JSON AnySchema extension proposal)",
      type: "object",
      required: ["$data"],
      properties: {
        $data: {
          type: "string",
          anyOf: [{ format: "relative-json-pointer" }, { format: "json-pointer" }]
        }
      },
      additionalProperties: false
    };
  }
});

// ../../node_modules/.pnpm/fast-uri@3.1.9/node_modules/fast-uri/lib/utils.js
var require_utils = __commonJS({
  "../../node_modules/.pnpm/fast-uri@3.1.9/node_modules/fast-uri/lib/utils.js"(exports2, module2) {
    "use strict";
    var isUUID = RegExp.prototype.test.bind(/^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/iu);
    var isIPv4 = RegExp.prototype.test.bind(/^(?:(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d{2}|[1-9]\d|\d)$/u);
    var isPort = RegExp.prototype.test.bind(/^\d*$/u);
    var isHexPair = RegExp.prototype.test.bind(/^[\da-f]{2}$/iu);
    var isUnreserved = RegExp.prototype.test.bind(/^[\da-z\-._~]$/iu);
    var isPathCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/u);
    var isQueryFragmentCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/u);
    var isUserinfoCharacter = RegExp.prototype.test.bind(/^[A-Za-z0-9\-._~!$&'()*+,;=:]$/u);
    var BYTE_HEX = new Array(256);
    {
      const HEX_DIGITS = "0123456789ABCDEF";
      for (let i = 0; i < 256; i++) {
        BYTE_HEX[i] = "%" + HEX_DIGITS[i >> 4] + HEX_DIGITS[i & 15];
      }
    }
    function percentEncodeNonAscii(cp) {
      if (cp < 2048) {
        return BYTE_HEX[192 | cp >> 6] + BYTE_HEX[128 | cp & 63];
      }
      if (cp < 65536) {
        return BYTE_HEX[224 | cp >> 12] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
      }
      return BYTE_HEX[240 | cp >> 18] + BYTE_HEX[128 | cp >> 12 & 63] + BYTE_HEX[128 | cp >> 6 & 63] + BYTE_HEX[128 | cp & 63];
    }
    function stringArrayToHexStripped(input) {
      let acc = "";
      let code2 = 0;
      let i = 0;
      for (i = 0; i < input.length; i++) {
        code2 = input[i].charCodeAt(0);
        if (code2 === 48) {
          continue;
        }
        if (!(code2 >= 48 && code2 <= 57 || code2 >= 65 && code2 <= 70 || code2 >= 97 && code2 <= 102)) {
          return "";
        }
        acc += input[i];
        break;
      }
      for (i += 1; i < input.length; i++) {
        code2 = input[i].charCodeAt(0);
        if (!(code2 >= 48 && code2 <= 57 || code2 >= 65 && code2 <= 70 || code2 >= 97 && code2 <= 102)) {
          return "";
        }
        acc += input[i];
      }
      return acc;
    }
    var isHextet = RegExp.prototype.test.bind(/^[\dA-Fa-f]{1,4}$/);
    var isIPvFuture = RegExp.prototype.test.bind(/^[vV][\dA-Fa-f]+\.[A-Za-z\d\-._~!$&'()*+,;=:]+$/);
    var isZoneCharacter = RegExp.prototype.test.bind(/^[A-Za-z\d\-._~]$/);
    var nonSimpleDomain = RegExp.prototype.test.bind(/[^!"$&'()*+,\-.;=_`a-z{}~]/u);
    function isZoneIdentifier(zone) {
      if (zone.length === 0) return false;
      for (let i = 0; i < zone.length; i++) {
        if (isZoneCharacter(zone[i])) continue;
        if (zone[i] === "%" && i + 2 < zone.length && isHexPair(zone.slice(i + 1, i + 3))) {
          i += 2;
          continue;
        }
        return false;
      }
      return true;
    }
    function compressIPv6ZeroRun(hextets) {
      let bestStart = -1;
      let bestLength = 0;
      let runStart = -1;
      let runLength = 0;
      for (let i = 0; i < hextets.length; i++) {
        if (hextets[i] === "0") {
          if (runStart === -1) runStart = i;
          runLength++;
          if (runLength > bestLength) {
            bestLength = runLength;
            bestStart = runStart;
          }
        } else {
          runStart = -1;
          runLength = 0;
        }
      }
      if (bestLength < 2) return hextets.join(":");
      const head = hextets.slice(0, bestStart).join(":");
      const tail = hextets.slice(bestStart + bestLength).join(":");
      return head + "::" + tail;
    }
    function normalizeIPv6Address(input) {
      const compression = input.indexOf("::");
      if (compression !== -1 && input.indexOf("::", compression + 1) !== -1) return void 0;
      const left = compression === -1 ? input.split(":") : input.slice(0, compression).split(":");
      const right = compression === -1 ? [] : input.slice(compression + 2).split(":");
      if (compression !== -1) {
        if (left.length === 1 && left[0] === "") left.length = 0;
        if (right.length === 1 && right[0] === "") right.length = 0;
      }
      const parts = left.concat(right);
      let hextetCount = 0;
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part === "") return void 0;
        if (part.indexOf(".") !== -1) {
          if (i !== parts.length - 1 || compression !== -1 && right.length === 0 || !isIPv4(part)) return void 0;
          hextetCount += 2;
          continue;
        }
        if (!isHextet(part)) return void 0;
        parts[i] = parseInt(part, 16).toString(16);
        hextetCount++;
      }
      if (compression === -1) {
        if (hextetCount !== 8) return void 0;
        return compressIPv6ZeroRun(parts);
      }
      if (hextetCount >= 8) return void 0;
      const expanded = parts.slice(0, left.length);
      for (let i = hextetCount; i < 8; i++) expanded.push("0");
      for (let i = left.length; i < parts.length; i++) expanded.push(parts[i]);
      return compressIPv6ZeroRun(expanded);
    }
    function normalizeIPv6(host) {
      const bracketed = host[0] === "[" && host[host.length - 1] === "]";
      const hasBracket = host[0] === "[" || host[host.length - 1] === "]";
      if (hasBracket && !bracketed) return { host, isIPV6: false, error: true };
      let input = bracketed ? host.slice(1, -1) : host;
      if (bracketed && isIPvFuture(input)) {
        input = input.toLowerCase();
        return { host: `[${input}]`, escapedHost: input, isIPV6: false, isIPVFuture: true };
      }
      if (findToken(input, ":") < 2) {
        return { host, isIPV6: false, error: bracketed };
      }
      let zoneIdentifier = "";
      const zoneSeparator = input.indexOf("%");
      if (zoneSeparator !== -1) {
        const separatorLength = input.slice(zoneSeparator, zoneSeparator + 3).toLowerCase() === "%25" ? 3 : 1;
        zoneIdentifier = input.slice(zoneSeparator + separatorLength);
        if (!isZoneIdentifier(zoneIdentifier)) return { host, isIPV6: false, error: true };
        input = input.slice(0, zoneSeparator);
      }
      const address = normalizeIPv6Address(input);
      if (address === void 0) return { host, isIPV6: false, error: true };
      return {
        host: address + (zoneIdentifier ? "%" + zoneIdentifier : ""),
        escapedHost: address + (zoneIdentifier ? "%25" + zoneIdentifier : ""),
        isIPV6: true
      };
    }
    function findToken(str2, token) {
      let ind = 0;
      for (let i = 0; i < str2.length; i++) {
        if (str2[i] === token) ind++;
      }
      return ind;
    }
    function removeDotSegments(path10) {
      let input = path10;
      const output = [];
      let nextSlash = -1;
      let len = 0;
      while (len = input.length) {
        if (len === 1) {
          if (input === ".") {
            break;
          } else if (input === "/") {
            output.push("/");
            break;
          } else {
            output.push(input);
            break;
          }
        } else if (len === 2) {
          if (input[0] === ".") {
            if (input[1] === ".") {
              break;
            } else if (input[1] === "/") {
              input = input.slice(2);
              continue;
            }
          } else if (input[0] === "/") {
            if (input[1] === "." || input[1] === "/") {
              output.push("/");
              break;
            }
          }
        } else if (len === 3) {
          if (input === "/..") {
            if (output.length !== 0) {
              output.pop();
            }
            output.push("/");
            break;
          }
        }
        if (input[0] === ".") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(3);
              continue;
            }
          } else if (input[1] === "/") {
            input = input.slice(2);
            continue;
          }
        } else if (input[0] === "/") {
          if (input[1] === ".") {
            if (input[2] === "/") {
              input = input.slice(2);
              continue;
            } else if (input[2] === ".") {
              if (input[3] === "/") {
                input = input.slice(3);
                if (output.length !== 0) {
                  output.pop();
                }
                continue;
              }
            }
          }
        }
        if ((nextSlash = input.indexOf("/", 1)) === -1) {
          output.push(input);
          break;
        } else {
          output.push(input.slice(0, nextSlash));
          input = input.slice(nextSlash);
        }
      }
      return output.join("");
    }
    function removeDotSegmentsRelative(path10) {
      if (path10 === "" || path10[0] === "/") {
        return removeDotSegments(path10);
      }
      const segments = path10.split("/");
      const last = segments.length - 1;
      const output = [];
      let trailingDirectory = false;
      for (let i = 0; i <= last; i++) {
        const segment = segments[i];
        if (segment === "." || segment === "..") {
          if (segment === "..") {
            if (output.length !== 0 && output[output.length - 1] !== "..") {
              output.pop();
            } else {
              output.push("..");
            }
          }
          trailingDirectory = i === last;
        } else {
          output.push(segment);
        }
      }
      if (trailingDirectory && output[output.length - 1] !== "..") {
        output.push("");
      }
      if (output.length === 0 || output[0] === "" || output[0].includes(":")) {
        output.unshift(".");
      }
      return output.join("/");
    }
    var HOST_DELIMS = { "@": "%40", "/": "%2F", "?": "%3F", "#": "%23", ":": "%3A" };
    var HOST_DELIM_RE = /[@/?#:]/g;
    var HOST_DELIM_NO_COLON_RE = /[@/?#]/g;
    function reescapeHostDelimiters(host, isIP) {
      const re = isIP ? HOST_DELIM_NO_COLON_RE : HOST_DELIM_RE;
      re.lastIndex = 0;
      return host.replace(re, (ch) => HOST_DELIMS[ch]);
    }
    function normalizePercentEncoding(input, decodeUnreserved = false) {
      if (input.indexOf("%") === -1) {
        return input;
      }
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decodeUnreserved && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        output += input[i];
      }
      return output;
    }
    function normalizePathEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (decoded !== "." && isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isPathCharacter(ch)) {
          output += ch;
        } else {
          const code2 = input.charCodeAt(i);
          if (code2 < 128) {
            output += isEscapeSafe(code2) ? ch : BYTE_HEX[code2];
          } else if (code2 < 55296 || code2 > 57343) {
            output += percentEncodeNonAscii(code2);
          } else if (code2 <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code2 - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function serializePathEncoding(input, pathNoScheme = false) {
      let output = "";
      let firstSegment = pathNoScheme && input[0] !== "/";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (ch === "/") {
          firstSegment = false;
        }
        if (isPathCharacter(ch) && (ch !== ":" || !firstSegment)) {
          output += ch;
        } else {
          const code2 = input.charCodeAt(i);
          if (code2 < 128) {
            output += BYTE_HEX[code2];
          } else if (code2 < 55296 || code2 > 57343) {
            output += percentEncodeNonAscii(code2);
          } else if (code2 <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code2 - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeComponent(input, isAllowed) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        if (isAllowed(ch)) {
          output += ch;
        } else {
          const code2 = input.charCodeAt(i);
          if (code2 < 128) {
            output += BYTE_HEX[code2];
          } else if (code2 < 55296 || code2 > 57343) {
            output += percentEncodeNonAscii(code2);
          } else if (code2 <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code2 - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function encodeUserinfo(input) {
      return encodeComponent(input, isUserinfoCharacter);
    }
    function encodeQuery(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function encodeFragment(input) {
      return encodeComponent(input, isQueryFragmentCharacter);
    }
    function isEscapeSafe(cp) {
      return cp >= 48 && cp <= 57 || cp >= 65 && cp <= 90 || cp >= 97 && cp <= 122 || cp === 42 || cp === 43 || cp === 45 || cp === 46 || cp === 47 || cp === 64 || cp === 95;
    }
    function normalizeQueryFragmentEncoding(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        const ch = input[i];
        if (ch === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            const normalizedHex = hex.toUpperCase();
            const decoded = String.fromCharCode(parseInt(normalizedHex, 16));
            if (isUnreserved(decoded)) {
              output += decoded;
            } else {
              output += "%" + normalizedHex;
            }
            i += 2;
            continue;
          }
        }
        if (isQueryFragmentCharacter(ch)) {
          output += ch;
        } else {
          const code2 = input.charCodeAt(i);
          if (code2 < 128) {
            output += isEscapeSafe(code2) ? ch : BYTE_HEX[code2];
          } else if (code2 < 55296 || code2 > 57343) {
            output += percentEncodeNonAscii(code2);
          } else if (code2 <= 56319 && i + 1 < input.length) {
            const low = input.charCodeAt(i + 1);
            if (low >= 56320 && low <= 57343) {
              output += percentEncodeNonAscii(65536 + (code2 - 55296 << 10) + (low - 56320));
              i++;
            } else {
              output += percentEncodeNonAscii(65533);
            }
          } else {
            output += percentEncodeNonAscii(65533);
          }
        }
      }
      return output;
    }
    function escapePreservingEscapes(input) {
      let output = "";
      for (let i = 0; i < input.length; i++) {
        if (input[i] === "%" && i + 2 < input.length) {
          const hex = input.slice(i + 1, i + 3);
          if (isHexPair(hex)) {
            output += "%" + hex.toUpperCase();
            i += 2;
            continue;
          }
        }
        output += escape(input[i]);
      }
      return output;
    }
    function recomposeAuthority(component) {
      const uriTokens = [];
      if (component.userinfo !== void 0) {
        uriTokens.push(encodeUserinfo(component.userinfo));
        uriTokens.push("@");
      }
      if (component.host !== void 0) {
        let host = component.host;
        if (!isIPv4(host)) {
          let ipV6res = normalizeIPv6(host);
          if (ipV6res.isIPV6 !== true && ipV6res.isIPVFuture !== true) {
            host = normalizePercentEncoding(host, true);
            ipV6res = normalizeIPv6(host);
          }
          if (ipV6res.isIPV6 === true || ipV6res.isIPVFuture === true) {
            host = `[${ipV6res.escapedHost}]`;
          } else {
            host = reescapeHostDelimiters(host, false);
          }
        }
        uriTokens.push(host);
      }
      if (typeof component.port === "number" || typeof component.port === "string") {
        const port = String(component.port);
        if (!isPort(port)) {
          throw new TypeError("URI port is malformed.");
        }
        uriTokens.push(":");
        uriTokens.push(port);
      }
      return uriTokens.length ? uriTokens.join("") : void 0;
    }
    module2.exports = {
      nonSimpleDomain,
      recomposeAuthority,
      reescapeHostDelimiters,
      normalizePercentEncoding,
      normalizePathEncoding,
      serializePathEncoding,
      normalizeQueryFragmentEncoding,
      encodeUserinfo,
      encodeQuery,
      encodeFragment,
      escapePreservingEscapes,
      removeDotSegments,
      removeDotSegmentsRelative,
      isIPv4,
      isUUID,
      normalizeIPv6,
      stringArrayToHexStripped
    };
  }
});

// ../../node_modules/.pnpm/fast-uri@3.1.9/node_modules/fast-uri/lib/schemes.js
var require_schemes = __commonJS({
  "../../node_modules/.pnpm/fast-uri@3.1.9/node_modules/fast-uri/lib/schemes.js"(exports2, module2) {
    "use strict";
    var { isUUID } = require_utils();
    var URN_REG = /^([\da-z][\d\-a-z]{0,31}):((?:[\w!$'()*+,\-./:;=@]|%[\da-f]{2})+)$/iu;
    var supportedSchemeNames = (
      /** @type {const} */
      [
        "http",
        "https",
        "ws",
        "wss",
        "urn",
        "urn:uuid"
      ]
    );
    function isValidSchemeName(name) {
      return supportedSchemeNames.indexOf(
        /** @type {*} */
        name
      ) !== -1;
    }
    function wsIsSecure(wsComponent) {
      if (wsComponent.secure === true) {
        return true;
      } else if (wsComponent.secure === false) {
        return false;
      } else if (wsComponent.scheme) {
        return wsComponent.scheme.length === 3 && (wsComponent.scheme[0] === "w" || wsComponent.scheme[0] === "W") && (wsComponent.scheme[1] === "s" || wsComponent.scheme[1] === "S") && (wsComponent.scheme[2] === "s" || wsComponent.scheme[2] === "S");
      } else {
        return false;
      }
    }
    function httpParse(component) {
      if (!component.host) {
        component.error = component.error || "HTTP URIs must have a host.";
      }
      return component;
    }
    function httpSerialize(component) {
      const secure = String(component.scheme).toLowerCase() === "https";
      if (component.port === (secure ? 443 : 80) || component.port === "") {
        component.port = void 0;
      }
      if (!component.path) {
        component.path = "/";
      }
      return component;
    }
    function wsParse(wsComponent) {
      wsComponent.secure = wsIsSecure(wsComponent);
      wsComponent.resourceName = (wsComponent.path || "/") + (wsComponent.query ? "?" + wsComponent.query : "");
      wsComponent.path = void 0;
      wsComponent.query = void 0;
      return wsComponent;
    }
    function wsSerialize(wsComponent) {
      if (wsComponent.port === (wsIsSecure(wsComponent) ? 443 : 80) || wsComponent.port === "") {
        wsComponent.port = void 0;
      }
      if (typeof wsComponent.secure === "boolean") {
        wsComponent.scheme = wsComponent.secure ? "wss" : "ws";
        wsComponent.secure = void 0;
      }
      if (wsComponent.resourceName) {
        const queryIndex = wsComponent.resourceName.indexOf("?");
        const path10 = queryIndex === -1 ? wsComponent.resourceName : wsComponent.resourceName.slice(0, queryIndex);
        wsComponent.path = path10 && path10 !== "/" ? path10 : void 0;
        wsComponent.query = queryIndex === -1 ? void 0 : wsComponent.resourceName.slice(queryIndex + 1);
        wsComponent.resourceName = void 0;
      }
      wsComponent.fragment = void 0;
      return wsComponent;
    }
    function urnParse(urnComponent, options) {
      if (!urnComponent.path) {
        urnComponent.error = "URN can not be parsed";
        return urnComponent;
      }
      const matches = urnComponent.path.match(URN_REG);
      if (matches && matches[0] === urnComponent.path) {
        const scheme = options.scheme || urnComponent.scheme || "urn";
        urnComponent.nid = matches[1].toLowerCase();
        urnComponent.nss = matches[2];
        const urnScheme = `${scheme}:${options.nid || urnComponent.nid}`;
        const schemeHandler = getSchemeHandler(urnScheme);
        urnComponent.path = void 0;
        if (schemeHandler) {
          urnComponent = schemeHandler.parse(urnComponent, options);
        }
      } else {
        urnComponent.error = urnComponent.error || "URN can not be parsed.";
      }
      return urnComponent;
    }
    function urnSerialize(urnComponent, options) {
      if (urnComponent.nid === void 0) {
        throw new Error("URN without nid cannot be serialized");
      }
      const scheme = options.scheme || urnComponent.scheme || "urn";
      const nid = urnComponent.nid.toLowerCase();
      const urnScheme = `${scheme}:${options.nid || nid}`;
      const schemeHandler = getSchemeHandler(urnScheme);
      if (schemeHandler) {
        urnComponent = schemeHandler.serialize(urnComponent, options);
      }
      const uriComponent = urnComponent;
      const nss = urnComponent.nss;
      uriComponent.path = `${nid || options.nid}:${nss}`;
      options.skipEscape = true;
      return uriComponent;
    }
    function urnuuidParse(urnComponent, options) {
      const uuidComponent = urnComponent;
      uuidComponent.uuid = uuidComponent.nss;
      uuidComponent.nss = void 0;
      if (!options.tolerant && (!uuidComponent.uuid || !isUUID(uuidComponent.uuid))) {
        uuidComponent.error = uuidComponent.error || "UUID is not valid.";
      }
      return uuidComponent;
    }
    function urnuuidSerialize(uuidComponent) {
      const urnComponent = uuidComponent;
      urnComponent.nss = (uuidComponent.uuid || "").toLowerCase();
      return urnComponent;
    }
    var http = (
      /** @type {SchemeHandler} */
      {
        scheme: "http",
        domainHost: true,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var https = (
      /** @type {SchemeHandler} */
      {
        scheme: "https",
        domainHost: http.domainHost,
        parse: httpParse,
        serialize: httpSerialize
      }
    );
    var ws = (
      /** @type {SchemeHandler} */
      {
        scheme: "ws",
        domainHost: true,
        parse: wsParse,
        serialize: wsSerialize
      }
    );
    var wss = (
      /** @type {SchemeHandler} */
      {
        scheme: "wss",
        domainHost: ws.domainHost,
        parse: ws.parse,
        serialize: ws.serialize
      }
    );
    var urn = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn",
        parse: urnParse,
        serialize: urnSerialize,
        skipNormalize: true
      }
    );
    var urnuuid = (
      /** @type {SchemeHandler} */
      {
        scheme: "urn:uuid",
        parse: urnuuidParse,
        serialize: urnuuidSerialize,
        skipNormalize: true
      }
    );
    var SCHEMES = (
      /** @type {Record<SchemeName, SchemeHandler>} */
      {
        http,
        https,
        ws,
        wss,
        urn,
        "urn:uuid": urnuuid
      }
    );
    Object.setPrototypeOf(SCHEMES, null);
    function getSchemeHandler(scheme) {
      return scheme && (SCHEMES[
        /** @type {SchemeName} */
        scheme
      ] || SCHEMES[
        /** @type {SchemeName} */
        scheme.toLowerCase()
      ]) || void 0;
    }
    module2.exports = {
      wsIsSecure,
      SCHEMES,
      isValidSchemeName,
      getSchemeHandler
    };
  }
});

// ../../node_modules/.pnpm/fast-uri@3.1.9/node_modules/fast-uri/index.js
var require_fast_uri = __commonJS({
  "../../node_modules/.pnpm/fast-uri@3.1.9/node_modules/fast-uri/index.js"(exports2, module2) {
    "use strict";
    var { normalizeIPv6, removeDotSegments, removeDotSegmentsRelative, recomposeAuthority, normalizePercentEncoding, normalizePathEncoding, serializePathEncoding, normalizeQueryFragmentEncoding, encodeQuery, encodeFragment, reescapeHostDelimiters, isIPv4, nonSimpleDomain } = require_utils();
    var { SCHEMES, getSchemeHandler } = require_schemes();
    var VALID_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/u;
    var MALFORMED_SCHEME_ERROR = "URI scheme is malformed.";
    var MALFORMED_HOST_ERROR = "URI host is malformed.";
    var FORBIDDEN_DOMAIN_HOST_CHARACTER = /[\0-\x20"#/:<>?@[\\\]^`{|}\x7F]/u;
    function validateScheme(scheme) {
      const stringScheme = String(scheme);
      if (!VALID_SCHEME.test(stringScheme)) {
        throw new TypeError(MALFORMED_SCHEME_ERROR);
      }
      return stringScheme;
    }
    function normalize(uri, options) {
      if (typeof uri === "string") {
        uri = /** @type {T} */
        normalizeString(uri, options);
      } else if (typeof uri === "object") {
        uri = /** @type {T} */
        parse2(serialize(uri, options), options);
      }
      return uri;
    }
    function resolve(baseURI, relativeURI, options) {
      const schemelessOptions = options ? Object.assign({ scheme: "null" }, options) : { scheme: "null" };
      const {
        parsed: baseParsed,
        malformedAuthorityOrPort: baseMalformed,
        malformedPercentEncoding: baseMalformedPercentEncoding,
        malformedSchemeSpecific: baseMalformedSchemeSpecific,
        malformedHost: baseMalformedHost,
        malformedScheme: baseMalformedScheme
      } = parseWithStatus(baseURI, schemelessOptions);
      const {
        parsed: relativeParsed,
        malformedAuthorityOrPort: relativeMalformed,
        malformedPercentEncoding: relativeMalformedPercentEncoding,
        malformedSchemeSpecific: relativeMalformedSchemeSpecific,
        malformedHost: relativeMalformedHost,
        malformedScheme: relativeMalformedScheme
      } = parseWithStatus(relativeURI, schemelessOptions);
      if (baseMalformed || relativeMalformed || baseMalformedPercentEncoding || relativeMalformedPercentEncoding || baseMalformedSchemeSpecific || relativeMalformedSchemeSpecific || baseMalformedHost || relativeMalformedHost || baseMalformedScheme || relativeMalformedScheme) {
        throw new Error(baseParsed.error || relativeParsed.error || "URI is malformed.");
      }
      const resolved = resolveComponent(baseParsed, relativeParsed, schemelessOptions, true);
      const resolvedSchemeHandler = getSchemeHandler(options && options.scheme || resolved.scheme);
      const resolvedHost = resolved.host;
      const resolvedHostIsIP = resolvedHost !== void 0 && resolvedHost !== "" && (isIPv4(resolvedHost) || normalizeIPv6(resolvedHost).isIPV6);
      if (hasForbiddenDomainHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP)) {
        throw new Error(MALFORMED_HOST_ERROR);
      }
      canonicalizeHost(resolved, options || {}, resolvedSchemeHandler, resolvedHostIsIP);
      const encodedASCIIHost = resolvedHost && resolvedHost.indexOf("%") !== -1 && !new RegExp("\\P{ASCII}", "u").test(resolvedHost);
      if (resolved.error && !encodedASCIIHost) {
        throw new Error(resolved.error);
      }
      schemelessOptions.skipEscape = true;
      return serialize(resolved, schemelessOptions);
    }
    function resolveComponent(base, relative, options, skipNormalization) {
      const target = {};
      if (!skipNormalization) {
        base = parse2(serialize(base, options), options);
        relative = parse2(serialize(relative, options), options);
      }
      options = options || {};
      if (!options.tolerant && relative.scheme) {
        target.scheme = relative.scheme;
        target.userinfo = relative.userinfo;
        target.host = relative.host;
        target.port = relative.port;
        target.path = removeDotSegments(relative.path || "");
        target.query = relative.query;
      } else {
        if (relative.userinfo !== void 0 || relative.host !== void 0 || relative.port !== void 0) {
          target.userinfo = relative.userinfo;
          target.host = relative.host;
          target.port = relative.port;
          target.path = removeDotSegments(relative.path || "");
          target.query = relative.query;
        } else {
          if (!relative.path) {
            target.path = base.path;
            if (relative.query !== void 0) {
              target.query = relative.query;
            } else {
              target.query = base.query;
            }
          } else {
            if (relative.path[0] === "/") {
              target.path = removeDotSegments(relative.path);
            } else {
              const baseHasAuthority = base.userinfo !== void 0 || base.host !== void 0 || base.port !== void 0;
              if (baseHasAuthority && !base.path) {
                target.path = "/" + relative.path;
              } else if (!base.path) {
                target.path = relative.path;
              } else {
                target.path = base.path.slice(0, base.path.lastIndexOf("/") + 1) + relative.path;
              }
              target.path = base.scheme === void 0 && !baseHasAuthority && target.path[0] !== "/" ? removeDotSegmentsRelative(target.path) : removeDotSegments(target.path);
            }
            target.query = relative.query;
          }
          target.userinfo = base.userinfo;
          target.host = base.host;
          target.port = base.port;
        }
        target.scheme = base.scheme;
      }
      target.fragment = relative.fragment;
      return target;
    }
    function equal(uriA, uriB, options) {
      const normalizedA = normalizeComparableURI(uriA, options);
      const normalizedB = normalizeComparableURI(uriB, options);
      return normalizedA !== void 0 && normalizedB !== void 0 && normalizedA === normalizedB;
    }
    function serialize(cmpts, opts) {
      const component = {
        host: cmpts.host,
        scheme: cmpts.scheme,
        userinfo: cmpts.userinfo,
        port: cmpts.port,
        path: cmpts.path,
        query: cmpts.query,
        nid: cmpts.nid,
        nss: cmpts.nss,
        uuid: cmpts.uuid,
        fragment: cmpts.fragment,
        reference: cmpts.reference,
        resourceName: cmpts.resourceName,
        secure: cmpts.secure,
        error: ""
      };
      const options = Object.assign({}, opts);
      const uriTokens = [];
      if (component.scheme) {
        component.scheme = validateScheme(component.scheme);
      }
      const schemeHandler = getSchemeHandler(options.scheme || component.scheme);
      if (schemeHandler && schemeHandler.serialize) schemeHandler.serialize(component, options);
      const hasAuthority = component.userinfo !== void 0 || component.host !== void 0 || component.port !== void 0;
      const schemelessReference = (component.scheme === void 0 || options.reference === "suffix") && !hasAuthority;
      const pathNoScheme = !options.skipEscape && schemelessReference;
      if (component.path !== void 0) {
        if (!options.skipEscape) {
          component.path = serializePathEncoding(component.path, pathNoScheme);
        } else {
          component.path = normalizePercentEncoding(component.path);
        }
      }
      if (options.reference !== "suffix" && component.scheme) {
        component.scheme = validateScheme(component.scheme);
        uriTokens.push(component.scheme, ":");
      }
      const authority = recomposeAuthority(component);
      if (authority !== void 0) {
        if (options.reference !== "suffix") {
          uriTokens.push("//");
        }
        uriTokens.push(authority);
        if (component.path && component.path[0] !== "/") {
          uriTokens.push("/");
        }
      }
      if (component.path !== void 0) {
        let s = component.path;
        if (!options.absolutePath && (!schemeHandler || !schemeHandler.absolutePath)) {
          s = schemelessReference && s[0] !== "/" ? removeDotSegmentsRelative(s) : removeDotSegments(s);
        }
        if (schemelessReference) {
          s = serializePathEncoding(s, true);
        }
        if (authority === void 0 && s[0] === "/" && s[1] === "/") {
          s = "/%2F" + s.slice(2);
        }
        uriTokens.push(s);
      }
      if (component.query !== void 0) {
        uriTokens.push("?", encodeQuery(component.query));
      }
      if (component.fragment !== void 0) {
        uriTokens.push("#", encodeFragment(component.fragment));
      }
      return uriTokens.join("");
    }
    var URI_PARSE = /^(?:([^#/:?]+):)?(?:\/\/((?:([^#/?@]*)@)?(\[[^#/?\]]+\]|[^#/:?]*)(?::(\d*))?))?([^#?]*)(?:\?([^#]*))?(?:#((?:.|[\n\r])*))?/u;
    var AUTHORITY_PREFIX = /^(?:[^#/:?]+:)?\/\/([^/?#]*)/;
    var AUTHORITY_INTRODUCER_REGION = /^(?:[^#/:?]+:)?([/\\\t\n\r]*)/;
    function getParseError(parsed, matches) {
      if (matches[2] !== void 0 && parsed.path && parsed.path[0] !== "/") {
        return 'URI path must start with "/" when authority is present.';
      }
      if (typeof parsed.port === "number" && (parsed.port < 0 || parsed.port > 65535)) {
        return "URI port is malformed.";
      }
      return void 0;
    }
    function hasMalformedPercentEncoding(component) {
      if (component === void 0) return false;
      let percent = component.indexOf("%");
      while (percent !== -1) {
        if (percent + 2 >= component.length || !/^[\da-f]{2}$/iu.test(component.slice(percent + 1, percent + 3))) {
          return true;
        }
        percent = component.indexOf("%", percent + 3);
      }
      return false;
    }
    function isIPLiteral(host) {
      return host[0] === "[" && host[host.length - 1] === "]";
    }
    function hasMalformedComponentPercentEncoding(matches) {
      const host = matches[4];
      return hasMalformedPercentEncoding(matches[3]) || host !== void 0 && !isIPLiteral(host) && hasMalformedPercentEncoding(host) || hasMalformedPercentEncoding(matches[6]) || hasMalformedPercentEncoding(matches[7]) || hasMalformedPercentEncoding(matches[8]);
    }
    function canonicalizeHost(parsed, options, schemeHandler, isIP) {
      if (hasForbiddenDomainHost(parsed, options, schemeHandler, isIP)) {
        parsed.error = parsed.error || MALFORMED_HOST_ERROR;
        return true;
      }
      if (!options.unicodeSupport && (!schemeHandler || !schemeHandler.unicodeSupport) && parsed.host && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && isIP === false && nonSimpleDomain(parsed.host)) {
        let url;
        try {
          url = new URL("http://" + parsed.host);
        } catch (e) {
          parsed.error = parsed.error || "Host's domain name can not be converted to ASCII: " + e;
          return true;
        }
        if (!isHostOnlyURL(url)) {
          parsed.error = parsed.error || MALFORMED_HOST_ERROR;
          return true;
        }
        parsed.host = url.hostname;
      }
      return false;
    }
    function hasForbiddenDomainHost(parsed, options, schemeHandler, isIP) {
      return Boolean(
        parsed.host && isIP === false && !isIPLiteral(parsed.host) && (options.domainHost || schemeHandler && schemeHandler.domainHost) && FORBIDDEN_DOMAIN_HOST_CHARACTER.test(parsed.host)
      );
    }
    function isHostOnlyURL(url) {
      return url.username === "" && url.password === "" && url.port === "" && url.pathname === "/" && url.search === "" && url.hash === "" && url.hostname !== "";
    }
    function parseWithStatus(uri, opts) {
      const options = Object.assign({}, opts);
      const parsed = {
        scheme: void 0,
        userinfo: void 0,
        host: "",
        port: void 0,
        path: "",
        query: void 0,
        fragment: void 0
      };
      let malformedAuthorityOrPort = false;
      let malformedPercentEncoding = false;
      let malformedSchemeSpecific = false;
      let malformedHost = false;
      let malformedIPLiteral = false;
      let malformedScheme = false;
      let isIP = false;
      if (options.reference === "suffix") {
        if (options.scheme) {
          uri = options.scheme + ":" + uri;
        } else {
          uri = "//" + uri;
        }
      }
      const authorityMatch = uri.match(AUTHORITY_PREFIX);
      if (authorityMatch !== null && authorityMatch[1].indexOf("\\") !== -1) {
        parsed.error = "URI authority must not contain a literal backslash.";
        malformedAuthorityOrPort = true;
      }
      const introducerMatch = uri.match(AUTHORITY_INTRODUCER_REGION);
      if (introducerMatch !== null) {
        const region = introducerMatch[1];
        const normalizedRegion = region.replace(/[\t\n\r]/g, "");
        if (normalizedRegion.length >= 2) {
          if (normalizedRegion.slice(0, 2) !== "//") {
            parsed.error = parsed.error || "URI authority must not contain a literal backslash.";
            malformedAuthorityOrPort = true;
          } else if (region.length !== normalizedRegion.length) {
            parsed.error = parsed.error || "URI authority introducer must not contain whitespace.";
            malformedAuthorityOrPort = true;
          }
        }
      }
      const matches = uri.match(URI_PARSE);
      if (matches) {
        parsed.scheme = matches[1];
        parsed.userinfo = matches[3];
        parsed.host = matches[4];
        parsed.port = parseInt(matches[5], 10);
        parsed.path = matches[6] || "";
        parsed.query = matches[7];
        parsed.fragment = matches[8];
        if (parsed.scheme !== void 0) {
          if (VALID_SCHEME.test(parsed.scheme)) {
            parsed.scheme = parsed.scheme.toLowerCase();
          } else {
            parsed.error = parsed.error || MALFORMED_SCHEME_ERROR;
            malformedScheme = true;
          }
        }
        malformedPercentEncoding = hasMalformedComponentPercentEncoding(matches);
        if (malformedPercentEncoding) {
          parsed.error = parsed.error || "URI contains malformed percent-encoding.";
        }
        if (isNaN(parsed.port)) {
          parsed.port = matches[5];
        }
        const parseError = getParseError(parsed, matches);
        if (parseError !== void 0) {
          parsed.error = parsed.error || parseError;
          malformedAuthorityOrPort = true;
        }
        if (parsed.host) {
          const ipv4result = isIPv4(parsed.host);
          if (ipv4result === false) {
            const bracketedIPLiteral = isIPLiteral(parsed.host);
            const hasIPLiteralBracket = parsed.host.indexOf("[") !== -1 || parsed.host.indexOf("]") !== -1;
            const ipv6result = normalizeIPv6(parsed.host);
            isIP = ipv6result.isIPV6 || ipv6result.isIPVFuture === true;
            malformedIPLiteral = hasIPLiteralBracket && (!bracketedIPLiteral || ipv6result.error === true);
            parsed.host = isIP ? ipv6result.host : ipv6result.host.toLowerCase();
            if (malformedIPLiteral) {
              parsed.error = parsed.error || MALFORMED_HOST_ERROR;
              malformedAuthorityOrPort = true;
            }
          } else {
            isIP = true;
          }
        }
        if (parsed.scheme === void 0 && parsed.userinfo === void 0 && parsed.host === void 0 && parsed.port === void 0 && parsed.query === void 0 && !parsed.path) {
          parsed.reference = "same-document";
        } else if (parsed.scheme === void 0) {
          parsed.reference = "relative";
        } else if (parsed.fragment === void 0) {
          parsed.reference = "absolute";
        } else {
          parsed.reference = "uri";
        }
        if (options.reference && options.reference !== "suffix" && options.reference !== parsed.reference) {
          parsed.error = parsed.error || "URI is not a " + options.reference + " reference.";
        }
        const schemeHandler = getSchemeHandler(options.scheme || parsed.scheme);
        if (!malformedIPLiteral) {
          malformedHost = canonicalizeHost(parsed, options, schemeHandler, isIP);
        }
        if (uri.indexOf("%") !== -1 && parsed.host !== void 0 && !malformedIPLiteral) {
          let host = isIP ? parsed.host : normalizePercentEncoding(parsed.host, true);
          if (!isIP) {
            host = normalizePercentEncoding(host.toLowerCase());
          }
          parsed.host = isIP || options.scheme !== "null" ? reescapeHostDelimiters(host, isIP) : host;
        }
        if (!schemeHandler || schemeHandler && !schemeHandler.skipNormalize) {
          if (parsed.path) {
            parsed.path = normalizePathEncoding(parsed.path);
          }
          if (parsed.query) {
            parsed.query = normalizeQueryFragmentEncoding(parsed.query);
          }
          if (parsed.fragment) {
            parsed.fragment = normalizeQueryFragmentEncoding(parsed.fragment);
          }
        }
        if (schemeHandler && schemeHandler.parse) {
          schemeHandler.parse(parsed, options);
          if (schemeHandler === SCHEMES.urn && parsed.nid === void 0) {
            malformedSchemeSpecific = true;
          }
        }
      } else {
        parsed.error = parsed.error || "URI can not be parsed.";
      }
      return { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme };
    }
    function parse2(uri, opts) {
      return parseWithStatus(uri, opts).parsed;
    }
    function normalizeString(uri, opts) {
      return normalizeStringWithStatus(uri, opts).normalized;
    }
    function normalizeStringWithStatus(uri, opts) {
      const { parsed, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = parseWithStatus(uri, opts);
      return {
        normalized: malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? uri : serialize(parsed, opts),
        malformedAuthorityOrPort,
        malformedPercentEncoding,
        malformedSchemeSpecific,
        malformedHost,
        malformedScheme
      };
    }
    function normalizeComparableURI(uri, opts) {
      if (typeof uri !== "string" && typeof uri !== "object") {
        return void 0;
      }
      let value;
      try {
        value = typeof uri === "string" ? uri : serialize(uri, opts);
      } catch {
        return void 0;
      }
      const { normalized, malformedAuthorityOrPort, malformedPercentEncoding, malformedSchemeSpecific, malformedHost, malformedScheme } = normalizeStringWithStatus(value, opts);
      return malformedAuthorityOrPort || malformedPercentEncoding || malformedSchemeSpecific || malformedHost || malformedScheme ? void 0 : normalized;
    }
    var fastUri = {
      SCHEMES,
      normalize,
      resolve,
      resolveComponent,
      equal,
      serialize,
      parse: parse2
    };
    module2.exports = fastUri;
    module2.exports.default = fastUri;
    module2.exports.fastUri = fastUri;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/runtime/uri.js
var require_uri = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/runtime/uri.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var uri = require_fast_uri();
    uri.code = 'require("ajv/dist/runtime/uri").default';
    exports2.default = uri;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/core.js
var require_core = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/core.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.CodeGen = exports2.Name = exports2.nil = exports2.stringify = exports2.str = exports2._ = exports2.KeywordCxt = void 0;
    var validate_1 = require_validate();
    Object.defineProperty(exports2, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports2, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports2, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports2, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports2, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports2, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports2, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    var ref_error_1 = require_ref_error();
    var rules_1 = require_rules();
    var compile_1 = require_compile();
    var codegen_2 = require_codegen();
    var resolve_1 = require_resolve();
    var dataType_1 = require_dataType();
    var util_1 = require_util();
    var $dataRefSchema = require_data();
    var uri_1 = require_uri();
    var defaultRegExp = (str2, flags) => new RegExp(str2, flags);
    defaultRegExp.code = "new RegExp";
    var META_IGNORE_OPTIONS = ["removeAdditional", "useDefaults", "coerceTypes"];
    var EXT_SCOPE_NAMES = /* @__PURE__ */ new Set([
      "validate",
      "serialize",
      "parse",
      "wrapper",
      "root",
      "schema",
      "keyword",
      "pattern",
      "formats",
      "validate$data",
      "func",
      "obj",
      "Error"
    ]);
    var removedOptions = {
      errorDataPath: "",
      format: "`validateFormats: false` can be used instead.",
      nullable: '"nullable" keyword is supported by default.',
      jsonPointers: "Deprecated jsPropertySyntax can be used instead.",
      extendRefs: "Deprecated ignoreKeywordsWithRef can be used instead.",
      missingRefs: "Pass empty schema with $id that should be ignored to ajv.addSchema.",
      processCode: "Use option `code: {process: (code, schemaEnv: object) => string}`",
      sourceCode: "Use option `code: {source: true}`",
      strictDefaults: "It is default now, see option `strict`.",
      strictKeywords: "It is default now, see option `strict`.",
      uniqueItems: '"uniqueItems" keyword is always validated.',
      unknownFormats: "Disable strict mode or pass `true` to `ajv.addFormat` (or `formats` option).",
      cache: "Map is used as cache, schema object as key.",
      serialize: "Map is used as cache, schema object as key.",
      ajvErrors: "It is default now."
    };
    var deprecatedOptions = {
      ignoreKeywordsWithRef: "",
      jsPropertySyntax: "",
      unicode: '"minLength"/"maxLength" account for unicode characters by default.'
    };
    var MAX_EXPRESSION = 200;
    function requiredOptions(o) {
      var _a, _b, _c, _d, _e, _f, _g, _h, _j, _k, _l, _m, _o, _p, _q, _r, _s, _t, _u, _v, _w, _x, _y, _z, _0;
      const s = o.strict;
      const _optz = (_a = o.code) === null || _a === void 0 ? void 0 : _a.optimize;
      const optimize = _optz === true || _optz === void 0 ? 1 : _optz || 0;
      const regExp = (_c = (_b = o.code) === null || _b === void 0 ? void 0 : _b.regExp) !== null && _c !== void 0 ? _c : defaultRegExp;
      const uriResolver = (_d = o.uriResolver) !== null && _d !== void 0 ? _d : uri_1.default;
      return {
        strictSchema: (_f = (_e = o.strictSchema) !== null && _e !== void 0 ? _e : s) !== null && _f !== void 0 ? _f : true,
        strictNumbers: (_h = (_g = o.strictNumbers) !== null && _g !== void 0 ? _g : s) !== null && _h !== void 0 ? _h : true,
        strictTypes: (_k = (_j = o.strictTypes) !== null && _j !== void 0 ? _j : s) !== null && _k !== void 0 ? _k : "log",
        strictTuples: (_m = (_l = o.strictTuples) !== null && _l !== void 0 ? _l : s) !== null && _m !== void 0 ? _m : "log",
        strictRequired: (_p = (_o = o.strictRequired) !== null && _o !== void 0 ? _o : s) !== null && _p !== void 0 ? _p : false,
        code: o.code ? { ...o.code, optimize, regExp } : { optimize, regExp },
        loopRequired: (_q = o.loopRequired) !== null && _q !== void 0 ? _q : MAX_EXPRESSION,
        loopEnum: (_r = o.loopEnum) !== null && _r !== void 0 ? _r : MAX_EXPRESSION,
        meta: (_s = o.meta) !== null && _s !== void 0 ? _s : true,
        messages: (_t = o.messages) !== null && _t !== void 0 ? _t : true,
        inlineRefs: (_u = o.inlineRefs) !== null && _u !== void 0 ? _u : true,
        schemaId: (_v = o.schemaId) !== null && _v !== void 0 ? _v : "$id",
        addUsedSchema: (_w = o.addUsedSchema) !== null && _w !== void 0 ? _w : true,
        validateSchema: (_x = o.validateSchema) !== null && _x !== void 0 ? _x : true,
        validateFormats: (_y = o.validateFormats) !== null && _y !== void 0 ? _y : true,
        unicodeRegExp: (_z = o.unicodeRegExp) !== null && _z !== void 0 ? _z : true,
        int32range: (_0 = o.int32range) !== null && _0 !== void 0 ? _0 : true,
        uriResolver
      };
    }
    var Ajv2 = class {
      constructor(opts = {}) {
        this.schemas = {};
        this.refs = {};
        this.formats = /* @__PURE__ */ Object.create(null);
        this._compilations = /* @__PURE__ */ new Set();
        this._loading = {};
        this._cache = /* @__PURE__ */ new Map();
        opts = this.opts = { ...opts, ...requiredOptions(opts) };
        const { es5, lines } = this.opts.code;
        this.scope = new codegen_2.ValueScope({ scope: {}, prefixes: EXT_SCOPE_NAMES, es5, lines });
        this.logger = getLogger(opts.logger);
        const formatOpt = opts.validateFormats;
        opts.validateFormats = false;
        this.RULES = (0, rules_1.getRules)();
        checkOptions.call(this, removedOptions, opts, "NOT SUPPORTED");
        checkOptions.call(this, deprecatedOptions, opts, "DEPRECATED", "warn");
        this._metaOpts = getMetaSchemaOptions.call(this);
        if (opts.formats)
          addInitialFormats.call(this);
        this._addVocabularies();
        this._addDefaultMetaSchema();
        if (opts.keywords)
          addInitialKeywords.call(this, opts.keywords);
        if (typeof opts.meta == "object")
          this.addMetaSchema(opts.meta);
        addInitialSchemas.call(this);
        opts.validateFormats = formatOpt;
      }
      _addVocabularies() {
        this.addKeyword("$async");
      }
      _addDefaultMetaSchema() {
        const { $data, meta, schemaId } = this.opts;
        let _dataRefSchema = $dataRefSchema;
        if (schemaId === "id") {
          _dataRefSchema = { ...$dataRefSchema };
          _dataRefSchema.id = _dataRefSchema.$id;
          delete _dataRefSchema.$id;
        }
        if (meta && $data)
          this.addMetaSchema(_dataRefSchema, _dataRefSchema[schemaId], false);
      }
      defaultMeta() {
        const { meta, schemaId } = this.opts;
        return this.opts.defaultMeta = typeof meta == "object" ? meta[schemaId] || meta : void 0;
      }
      validate(schemaKeyRef, data) {
        let v;
        if (typeof schemaKeyRef == "string") {
          v = this.getSchema(schemaKeyRef);
          if (!v)
            throw new Error(`no schema with key or ref "${schemaKeyRef}"`);
        } else {
          v = this.compile(schemaKeyRef);
        }
        const valid = v(data);
        if (!("$async" in v))
          this.errors = v.errors;
        return valid;
      }
      compile(schema, _meta) {
        const sch = this._addSchema(schema, _meta);
        return sch.validate || this._compileSchemaEnv(sch);
      }
      compileAsync(schema, meta) {
        if (typeof this.opts.loadSchema != "function") {
          throw new Error("options.loadSchema should be a function");
        }
        const { loadSchema } = this.opts;
        return runCompileAsync.call(this, schema, meta);
        async function runCompileAsync(_schema, _meta) {
          await loadMetaSchema.call(this, _schema.$schema);
          const sch = this._addSchema(_schema, _meta);
          return sch.validate || _compileAsync.call(this, sch);
        }
        async function loadMetaSchema($ref) {
          if ($ref && !this.getSchema($ref)) {
            await runCompileAsync.call(this, { $ref }, true);
          }
        }
        async function _compileAsync(sch) {
          try {
            return this._compileSchemaEnv(sch);
          } catch (e) {
            if (!(e instanceof ref_error_1.default))
              throw e;
            checkLoaded.call(this, e);
            await loadMissingSchema.call(this, e.missingSchema);
            return _compileAsync.call(this, sch);
          }
        }
        function checkLoaded({ missingSchema: ref, missingRef }) {
          if (this.refs[ref]) {
            throw new Error(`AnySchema ${ref} is loaded but ${missingRef} cannot be resolved`);
          }
        }
        async function loadMissingSchema(ref) {
          const _schema = await _loadSchema.call(this, ref);
          if (!this.refs[ref])
            await loadMetaSchema.call(this, _schema.$schema);
          if (!this.refs[ref])
            this.addSchema(_schema, ref, meta);
        }
        async function _loadSchema(ref) {
          const p = this._loading[ref];
          if (p)
            return p;
          try {
            return await (this._loading[ref] = loadSchema(ref));
          } finally {
            delete this._loading[ref];
          }
        }
      }
      // Adds schema to the instance
      addSchema(schema, key2, _meta, _validateSchema = this.opts.validateSchema) {
        if (Array.isArray(schema)) {
          for (const sch of schema)
            this.addSchema(sch, void 0, _meta, _validateSchema);
          return this;
        }
        let id;
        if (typeof schema === "object") {
          const { schemaId } = this.opts;
          id = schema[schemaId];
          if (id !== void 0 && typeof id != "string") {
            throw new Error(`schema ${schemaId} must be string`);
          }
        }
        key2 = (0, resolve_1.normalizeId)(key2 || id);
        this._checkUnique(key2);
        this.schemas[key2] = this._addSchema(schema, _meta, key2, _validateSchema, true);
        return this;
      }
      // Add schema that will be used to validate other schemas
      // options in META_IGNORE_OPTIONS are alway set to false
      addMetaSchema(schema, key2, _validateSchema = this.opts.validateSchema) {
        this.addSchema(schema, key2, true, _validateSchema);
        return this;
      }
      //  Validate schema against its meta-schema
      validateSchema(schema, throwOrLogError) {
        if (typeof schema == "boolean")
          return true;
        let $schema;
        $schema = schema.$schema;
        if ($schema !== void 0 && typeof $schema != "string") {
          throw new Error("$schema must be a string");
        }
        $schema = $schema || this.opts.defaultMeta || this.defaultMeta();
        if (!$schema) {
          this.logger.warn("meta-schema not available");
          this.errors = null;
          return true;
        }
        const valid = this.validate($schema, schema);
        if (!valid && throwOrLogError) {
          const message = "schema is invalid: " + this.errorsText();
          if (this.opts.validateSchema === "log")
            this.logger.error(message);
          else
            throw new Error(message);
        }
        return valid;
      }
      // Get compiled schema by `key` or `ref`.
      // (`key` that was passed to `addSchema` or full schema reference - `schema.$id` or resolved id)
      getSchema(keyRef) {
        let sch;
        while (typeof (sch = getSchEnv.call(this, keyRef)) == "string")
          keyRef = sch;
        if (sch === void 0) {
          const { schemaId } = this.opts;
          const root = new compile_1.SchemaEnv({ schema: {}, schemaId });
          sch = compile_1.resolveSchema.call(this, root, keyRef);
          if (!sch)
            return;
          this.refs[keyRef] = sch;
        }
        return sch.validate || this._compileSchemaEnv(sch);
      }
      // Remove cached schema(s).
      // If no parameter is passed all schemas but meta-schemas are removed.
      // If RegExp is passed all schemas with key/id matching pattern but meta-schemas are removed.
      // Even if schema is referenced by other schemas it still can be removed as other schemas have local references.
      removeSchema(schemaKeyRef) {
        if (schemaKeyRef instanceof RegExp) {
          this._removeAllSchemas(this.schemas, schemaKeyRef);
          this._removeAllSchemas(this.refs, schemaKeyRef);
          return this;
        }
        switch (typeof schemaKeyRef) {
          case "undefined":
            this._removeAllSchemas(this.schemas);
            this._removeAllSchemas(this.refs);
            this._cache.clear();
            return this;
          case "string": {
            const sch = getSchEnv.call(this, schemaKeyRef);
            if (typeof sch == "object")
              this._cache.delete(sch.schema);
            delete this.schemas[schemaKeyRef];
            delete this.refs[schemaKeyRef];
            return this;
          }
          case "object": {
            const cacheKey = schemaKeyRef;
            this._cache.delete(cacheKey);
            let id = schemaKeyRef[this.opts.schemaId];
            if (id) {
              id = (0, resolve_1.normalizeId)(id);
              delete this.schemas[id];
              delete this.refs[id];
            }
            return this;
          }
          default:
            throw new Error("ajv.removeSchema: invalid parameter");
        }
      }
      // add "vocabulary" - a collection of keywords
      addVocabulary(definitions) {
        for (const def2 of definitions)
          this.addKeyword(def2);
        return this;
      }
      addKeyword(kwdOrDef, def2) {
        let keyword;
        if (typeof kwdOrDef == "string") {
          keyword = kwdOrDef;
          if (typeof def2 == "object") {
            this.logger.warn("these parameters are deprecated, see docs for addKeyword");
            def2.keyword = keyword;
          }
        } else if (typeof kwdOrDef == "object" && def2 === void 0) {
          def2 = kwdOrDef;
          keyword = def2.keyword;
          if (Array.isArray(keyword) && !keyword.length) {
            throw new Error("addKeywords: keyword must be string or non-empty array");
          }
        } else {
          throw new Error("invalid addKeywords parameters");
        }
        checkKeyword.call(this, keyword, def2);
        if (!def2) {
          (0, util_1.eachItem)(keyword, (kwd) => addRule.call(this, kwd));
          return this;
        }
        keywordMetaschema.call(this, def2);
        const definition = {
          ...def2,
          type: (0, dataType_1.getJSONTypes)(def2.type),
          schemaType: (0, dataType_1.getJSONTypes)(def2.schemaType)
        };
        (0, util_1.eachItem)(keyword, definition.type.length === 0 ? (k2) => addRule.call(this, k2, definition) : (k2) => definition.type.forEach((t) => addRule.call(this, k2, definition, t)));
        return this;
      }
      getKeyword(keyword) {
        const rule = this.RULES.all[keyword];
        return typeof rule == "object" ? rule.definition : !!rule;
      }
      // Remove keyword
      removeKeyword(keyword) {
        const { RULES: RULES3 } = this;
        delete RULES3.keywords[keyword];
        delete RULES3.all[keyword];
        for (const group of RULES3.rules) {
          const i = group.rules.findIndex((rule) => rule.keyword === keyword);
          if (i >= 0)
            group.rules.splice(i, 1);
        }
        return this;
      }
      // Add format
      addFormat(name, format2) {
        if (typeof format2 == "string")
          format2 = new RegExp(format2);
        this.formats[name] = format2;
        return this;
      }
      errorsText(errors = this.errors, { separator = ", ", dataVar = "data" } = {}) {
        if (!errors || errors.length === 0)
          return "No errors";
        return errors.map((e) => `${dataVar}${e.instancePath} ${e.message}`).reduce((text, msg) => text + separator + msg);
      }
      $dataMetaSchema(metaSchema, keywordsJsonPointers) {
        const rules = this.RULES.all;
        metaSchema = JSON.parse(JSON.stringify(metaSchema));
        for (const jsonPointer of keywordsJsonPointers) {
          const segments = jsonPointer.split("/").slice(1);
          let keywords = metaSchema;
          for (const seg of segments)
            keywords = keywords[seg];
          for (const key2 in rules) {
            const rule = rules[key2];
            if (typeof rule != "object")
              continue;
            const { $data } = rule.definition;
            const schema = keywords[key2];
            if ($data && schema)
              keywords[key2] = schemaOrData(schema);
          }
        }
        return metaSchema;
      }
      _removeAllSchemas(schemas, regex) {
        for (const keyRef in schemas) {
          const sch = schemas[keyRef];
          if (!regex || regex.test(keyRef)) {
            if (typeof sch == "string") {
              delete schemas[keyRef];
            } else if (sch && !sch.meta) {
              this._cache.delete(sch.schema);
              delete schemas[keyRef];
            }
          }
        }
      }
      _addSchema(schema, meta, baseId, validateSchema = this.opts.validateSchema, addSchema = this.opts.addUsedSchema) {
        let id;
        const { schemaId } = this.opts;
        if (typeof schema == "object") {
          id = schema[schemaId];
        } else {
          if (this.opts.jtd)
            throw new Error("schema must be object");
          else if (typeof schema != "boolean")
            throw new Error("schema must be object or boolean");
        }
        let sch = this._cache.get(schema);
        if (sch !== void 0)
          return sch;
        baseId = (0, resolve_1.normalizeId)(id || baseId);
        const localRefs = resolve_1.getSchemaRefs.call(this, schema, baseId);
        sch = new compile_1.SchemaEnv({ schema, schemaId, meta, baseId, localRefs });
        this._cache.set(sch.schema, sch);
        if (addSchema && !baseId.startsWith("#")) {
          if (baseId)
            this._checkUnique(baseId);
          this.refs[baseId] = sch;
        }
        if (validateSchema)
          this.validateSchema(schema, true);
        return sch;
      }
      _checkUnique(id) {
        if (this.schemas[id] || this.refs[id]) {
          throw new Error(`schema with key or id "${id}" already exists`);
        }
      }
      _compileSchemaEnv(sch) {
        if (sch.meta)
          this._compileMetaSchema(sch);
        else
          compile_1.compileSchema.call(this, sch);
        if (!sch.validate)
          throw new Error("ajv implementation error");
        return sch.validate;
      }
      _compileMetaSchema(sch) {
        const currentOpts = this.opts;
        this.opts = this._metaOpts;
        try {
          compile_1.compileSchema.call(this, sch);
        } finally {
          this.opts = currentOpts;
        }
      }
    };
    Ajv2.ValidationError = validation_error_1.default;
    Ajv2.MissingRefError = ref_error_1.default;
    exports2.default = Ajv2;
    function checkOptions(checkOpts, options, msg, log = "error") {
      for (const key2 in checkOpts) {
        const opt = key2;
        if (opt in options)
          this.logger[log](`${msg}: option ${key2}. ${checkOpts[opt]}`);
      }
    }
    function getSchEnv(keyRef) {
      keyRef = (0, resolve_1.normalizeId)(keyRef);
      return this.schemas[keyRef] || this.refs[keyRef];
    }
    function addInitialSchemas() {
      const optsSchemas = this.opts.schemas;
      if (!optsSchemas)
        return;
      if (Array.isArray(optsSchemas))
        this.addSchema(optsSchemas);
      else
        for (const key2 in optsSchemas)
          this.addSchema(optsSchemas[key2], key2);
    }
    function addInitialFormats() {
      for (const name in this.opts.formats) {
        const format2 = this.opts.formats[name];
        if (format2)
          this.addFormat(name, format2);
      }
    }
    function addInitialKeywords(defs) {
      if (Array.isArray(defs)) {
        this.addVocabulary(defs);
        return;
      }
      this.logger.warn("keywords option as map is deprecated, pass array");
      for (const keyword in defs) {
        const def2 = defs[keyword];
        if (!def2.keyword)
          def2.keyword = keyword;
        this.addKeyword(def2);
      }
    }
    function getMetaSchemaOptions() {
      const metaOpts = { ...this.opts };
      for (const opt of META_IGNORE_OPTIONS)
        delete metaOpts[opt];
      return metaOpts;
    }
    var noLogs = { log() {
    }, warn() {
    }, error() {
    } };
    function getLogger(logger) {
      if (logger === false)
        return noLogs;
      if (logger === void 0)
        return console;
      if (logger.log && logger.warn && logger.error)
        return logger;
      throw new Error("logger must implement log, warn and error methods");
    }
    var KEYWORD_NAME = /^[a-z_$][a-z0-9_$:-]*$/i;
    function checkKeyword(keyword, def2) {
      const { RULES: RULES3 } = this;
      (0, util_1.eachItem)(keyword, (kwd) => {
        if (RULES3.keywords[kwd])
          throw new Error(`Keyword ${kwd} is already defined`);
        if (!KEYWORD_NAME.test(kwd))
          throw new Error(`Keyword ${kwd} has invalid name`);
      });
      if (!def2)
        return;
      if (def2.$data && !("code" in def2 || "validate" in def2)) {
        throw new Error('$data keyword must have "code" or "validate" function');
      }
    }
    function addRule(keyword, definition, dataType) {
      var _a;
      const post = definition === null || definition === void 0 ? void 0 : definition.post;
      if (dataType && post)
        throw new Error('keyword with "post" flag cannot have "type"');
      const { RULES: RULES3 } = this;
      let ruleGroup = post ? RULES3.post : RULES3.rules.find(({ type: t }) => t === dataType);
      if (!ruleGroup) {
        ruleGroup = { type: dataType, rules: [] };
        RULES3.rules.push(ruleGroup);
      }
      RULES3.keywords[keyword] = true;
      if (!definition)
        return;
      const rule = {
        keyword,
        definition: {
          ...definition,
          type: (0, dataType_1.getJSONTypes)(definition.type),
          schemaType: (0, dataType_1.getJSONTypes)(definition.schemaType)
        }
      };
      if (definition.before)
        addBeforeRule.call(this, ruleGroup, rule, definition.before);
      else
        ruleGroup.rules.push(rule);
      RULES3.all[keyword] = rule;
      (_a = definition.implements) === null || _a === void 0 ? void 0 : _a.forEach((kwd) => this.addKeyword(kwd));
    }
    function addBeforeRule(ruleGroup, rule, before) {
      const i = ruleGroup.rules.findIndex((_rule) => _rule.keyword === before);
      if (i >= 0) {
        ruleGroup.rules.splice(i, 0, rule);
      } else {
        ruleGroup.rules.push(rule);
        this.logger.warn(`rule ${before} is not defined`);
      }
    }
    function keywordMetaschema(def2) {
      let { metaSchema } = def2;
      if (metaSchema === void 0)
        return;
      if (def2.$data && this.opts.$data)
        metaSchema = schemaOrData(metaSchema);
      def2.validateSchema = this.compile(metaSchema, true);
    }
    var $dataRef = {
      $ref: "https://raw.githubusercontent.com/ajv-validator/ajv/master/lib/refs/data.json#"
    };
    function schemaOrData(schema) {
      return { anyOf: [schema, $dataRef] };
    }
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/core/id.js
var require_id = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/core/id.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var def2 = {
      keyword: "id",
      code() {
        throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/core/ref.js
var require_ref = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/core/ref.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.callRef = exports2.getValidate = void 0;
    var ref_error_1 = require_ref_error();
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var compile_1 = require_compile();
    var util_1 = require_util();
    var def2 = {
      keyword: "$ref",
      schemaType: "string",
      code(cxt) {
        const { gen, schema: $ref, it } = cxt;
        const { baseId, schemaEnv: env, validateName, opts, self } = it;
        const { root } = env;
        if (($ref === "#" || $ref === "#/") && baseId === root.baseId)
          return callRootRef();
        const schOrEnv = compile_1.resolveRef.call(self, root, baseId, $ref);
        if (schOrEnv === void 0)
          throw new ref_error_1.default(it.opts.uriResolver, baseId, $ref);
        if (schOrEnv instanceof compile_1.SchemaEnv)
          return callValidate(schOrEnv);
        return inlineRefSchema(schOrEnv);
        function callRootRef() {
          if (env === root)
            return callRef(cxt, validateName, env, env.$async);
          const rootName = gen.scopeValue("root", { ref: root });
          return callRef(cxt, (0, codegen_1._)`${rootName}.validate`, root, root.$async);
        }
        function callValidate(sch) {
          const v = getValidate(cxt, sch);
          callRef(cxt, v, sch, sch.$async);
        }
        function inlineRefSchema(sch) {
          const schName = gen.scopeValue("schema", opts.code.source === true ? { ref: sch, code: (0, codegen_1.stringify)(sch) } : { ref: sch });
          const valid = gen.name("valid");
          const schCxt = cxt.subschema({
            schema: sch,
            dataTypes: [],
            schemaPath: codegen_1.nil,
            topSchemaRef: schName,
            errSchemaPath: $ref
          }, valid);
          cxt.mergeEvaluated(schCxt);
          cxt.ok(valid);
        }
      }
    };
    function getValidate(cxt, sch) {
      const { gen } = cxt;
      return sch.validate ? gen.scopeValue("validate", { ref: sch.validate }) : (0, codegen_1._)`${gen.scopeValue("wrapper", { ref: sch })}.validate`;
    }
    exports2.getValidate = getValidate;
    function callRef(cxt, v, sch, $async) {
      const { gen, it } = cxt;
      const { allErrors, schemaEnv: env, opts } = it;
      const passCxt = opts.passContext ? names_1.default.this : codegen_1.nil;
      if ($async)
        callAsyncRef();
      else
        callSyncRef();
      function callAsyncRef() {
        if (!env.$async)
          throw new Error("async schema referenced by sync schema");
        const valid = gen.let("valid");
        gen.try(() => {
          gen.code((0, codegen_1._)`await ${(0, code_1.callValidateCode)(cxt, v, passCxt)}`);
          addEvaluatedFrom(v);
          if (!allErrors)
            gen.assign(valid, true);
        }, (e) => {
          gen.if((0, codegen_1._)`!(${e} instanceof ${it.ValidationError})`, () => gen.throw(e));
          addErrorsFrom(e);
          if (!allErrors)
            gen.assign(valid, false);
        });
        cxt.ok(valid);
      }
      function callSyncRef() {
        cxt.result((0, code_1.callValidateCode)(cxt, v, passCxt), () => addEvaluatedFrom(v), () => addErrorsFrom(v));
      }
      function addErrorsFrom(source) {
        const errs = (0, codegen_1._)`${source}.errors`;
        gen.assign(names_1.default.vErrors, (0, codegen_1._)`${names_1.default.vErrors} === null ? ${errs} : ${names_1.default.vErrors}.concat(${errs})`);
        gen.assign(names_1.default.errors, (0, codegen_1._)`${names_1.default.vErrors}.length`);
      }
      function addEvaluatedFrom(source) {
        var _a;
        if (!it.opts.unevaluated)
          return;
        const schEvaluated = (_a = sch === null || sch === void 0 ? void 0 : sch.validate) === null || _a === void 0 ? void 0 : _a.evaluated;
        if (it.props !== true) {
          if (schEvaluated && !schEvaluated.dynamicProps) {
            if (schEvaluated.props !== void 0) {
              it.props = util_1.mergeEvaluated.props(gen, schEvaluated.props, it.props);
            }
          } else {
            const props = gen.var("props", (0, codegen_1._)`${source}.evaluated.props`);
            it.props = util_1.mergeEvaluated.props(gen, props, it.props, codegen_1.Name);
          }
        }
        if (it.items !== true) {
          if (schEvaluated && !schEvaluated.dynamicItems) {
            if (schEvaluated.items !== void 0) {
              it.items = util_1.mergeEvaluated.items(gen, schEvaluated.items, it.items);
            }
          } else {
            const items = gen.var("items", (0, codegen_1._)`${source}.evaluated.items`);
            it.items = util_1.mergeEvaluated.items(gen, items, it.items, codegen_1.Name);
          }
        }
      }
    }
    exports2.callRef = callRef;
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/core/index.js
var require_core2 = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/core/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var id_1 = require_id();
    var ref_1 = require_ref();
    var core = [
      "$schema",
      "$id",
      "$defs",
      "$vocabulary",
      { keyword: "$comment" },
      "definitions",
      id_1.default,
      ref_1.default
    ];
    exports2.default = core;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/limitNumber.js
var require_limitNumber = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/limitNumber.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var ops = codegen_1.operators;
    var KWDs = {
      maximum: { okStr: "<=", ok: ops.LTE, fail: ops.GT },
      minimum: { okStr: ">=", ok: ops.GTE, fail: ops.LT },
      exclusiveMaximum: { okStr: "<", ok: ops.LT, fail: ops.GTE },
      exclusiveMinimum: { okStr: ">", ok: ops.GT, fail: ops.LTE }
    };
    var error = {
      message: ({ keyword, schemaCode }) => (0, codegen_1.str)`must be ${KWDs[keyword].okStr} ${schemaCode}`,
      params: ({ keyword, schemaCode }) => (0, codegen_1._)`{comparison: ${KWDs[keyword].okStr}, limit: ${schemaCode}}`
    };
    var def2 = {
      keyword: Object.keys(KWDs),
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        cxt.fail$data((0, codegen_1._)`${data} ${KWDs[keyword].fail} ${schemaCode} || isNaN(${data})`);
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/multipleOf.js
var require_multipleOf = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/multipleOf.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must be multiple of ${schemaCode}`,
      params: ({ schemaCode }) => (0, codegen_1._)`{multipleOf: ${schemaCode}}`
    };
    var def2 = {
      keyword: "multipleOf",
      type: "number",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, schemaCode, it } = cxt;
        const prec = it.opts.multipleOfPrecision;
        const res = gen.let("res");
        const invalid = prec ? (0, codegen_1._)`Math.abs(Math.round(${res}) - ${res}) > 1e-${prec}` : (0, codegen_1._)`${res} !== parseInt(${res})`;
        cxt.fail$data((0, codegen_1._)`(${schemaCode} === 0 || (${res} = ${data}/${schemaCode}, ${invalid}))`);
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/runtime/ucs2length.js
var require_ucs2length = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/runtime/ucs2length.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    function ucs2length(str2) {
      const len = str2.length;
      let length = 0;
      let pos = 0;
      let value;
      while (pos < len) {
        length++;
        value = str2.charCodeAt(pos++);
        if (value >= 55296 && value <= 56319 && pos < len) {
          value = str2.charCodeAt(pos);
          if ((value & 64512) === 56320)
            pos++;
        }
      }
      return length;
    }
    exports2.default = ucs2length;
    ucs2length.code = 'require("ajv/dist/runtime/ucs2length").default';
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/limitLength.js
var require_limitLength = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/limitLength.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var ucs2length_1 = require_ucs2length();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxLength" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} characters`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def2 = {
      keyword: ["maxLength", "minLength"],
      type: "string",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode, it } = cxt;
        const op = keyword === "maxLength" ? codegen_1.operators.GT : codegen_1.operators.LT;
        const len = it.opts.unicode === false ? (0, codegen_1._)`${data}.length` : (0, codegen_1._)`${(0, util_1.useFunc)(cxt.gen, ucs2length_1.default)}(${data})`;
        cxt.fail$data((0, codegen_1._)`${len} ${op} ${schemaCode}`);
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/pattern.js
var require_pattern = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/pattern.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var code_1 = require_code2();
    var util_1 = require_util();
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match pattern "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{pattern: ${schemaCode}}`
    };
    var def2 = {
      keyword: "pattern",
      type: "string",
      schemaType: "string",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const u = it.opts.unicodeRegExp ? "u" : "";
        if ($data) {
          const { regExp } = it.opts.code;
          const regExpCode = regExp.code === "new RegExp" ? (0, codegen_1._)`new RegExp` : (0, util_1.useFunc)(gen, regExp);
          const valid = gen.let("valid");
          gen.try(() => gen.assign(valid, (0, codegen_1._)`${regExpCode}(${schemaCode}, ${u}).test(${data})`), () => gen.assign(valid, false));
          cxt.fail$data((0, codegen_1._)`!${valid}`);
        } else {
          const regExp = (0, code_1.usePattern)(cxt, schema);
          cxt.fail$data((0, codegen_1._)`!${regExp}.test(${data})`);
        }
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/limitProperties.js
var require_limitProperties = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/limitProperties.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxProperties" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} properties`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def2 = {
      keyword: ["maxProperties", "minProperties"],
      type: "object",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxProperties" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`Object.keys(${data}).length ${op} ${schemaCode}`);
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/required.js
var require_required = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/required.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { missingProperty } }) => (0, codegen_1.str)`must have required property '${missingProperty}'`,
      params: ({ params: { missingProperty } }) => (0, codegen_1._)`{missingProperty: ${missingProperty}}`
    };
    var def2 = {
      keyword: "required",
      type: "object",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, schema, schemaCode, data, $data, it } = cxt;
        const { opts } = it;
        if (!$data && schema.length === 0)
          return;
        const useLoop = schema.length >= opts.loopRequired;
        if (it.allErrors)
          allErrorsMode();
        else
          exitOnErrorMode();
        if (opts.strictRequired) {
          const props = cxt.parentSchema.properties;
          const { definedProperties } = cxt.it;
          for (const requiredKey of schema) {
            if ((props === null || props === void 0 ? void 0 : props[requiredKey]) === void 0 && !definedProperties.has(requiredKey)) {
              const schemaPath = it.schemaEnv.baseId + it.errSchemaPath;
              const msg = `required property "${requiredKey}" is not defined at "${schemaPath}" (strictRequired)`;
              (0, util_1.checkStrictMode)(it, msg, it.opts.strictRequired);
            }
          }
        }
        function allErrorsMode() {
          if (useLoop || $data) {
            cxt.block$data(codegen_1.nil, loopAllRequired);
          } else {
            for (const prop of schema) {
              (0, code_1.checkReportMissingProp)(cxt, prop);
            }
          }
        }
        function exitOnErrorMode() {
          const missing = gen.let("missing");
          if (useLoop || $data) {
            const valid = gen.let("valid", true);
            cxt.block$data(valid, () => loopUntilMissing(missing, valid));
            cxt.ok(valid);
          } else {
            gen.if((0, code_1.checkMissingProp)(cxt, schema, missing));
            (0, code_1.reportMissingProp)(cxt, missing);
            gen.else();
          }
        }
        function loopAllRequired() {
          gen.forOf("prop", schemaCode, (prop) => {
            cxt.setParams({ missingProperty: prop });
            gen.if((0, code_1.noPropertyInData)(gen, data, prop, opts.ownProperties), () => cxt.error());
          });
        }
        function loopUntilMissing(missing, valid) {
          cxt.setParams({ missingProperty: missing });
          gen.forOf(missing, schemaCode, () => {
            gen.assign(valid, (0, code_1.propertyInData)(gen, data, missing, opts.ownProperties));
            gen.if((0, codegen_1.not)(valid), () => {
              cxt.error();
              gen.break();
            });
          }, codegen_1.nil);
        }
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/limitItems.js
var require_limitItems = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/limitItems.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message({ keyword, schemaCode }) {
        const comp = keyword === "maxItems" ? "more" : "fewer";
        return (0, codegen_1.str)`must NOT have ${comp} than ${schemaCode} items`;
      },
      params: ({ schemaCode }) => (0, codegen_1._)`{limit: ${schemaCode}}`
    };
    var def2 = {
      keyword: ["maxItems", "minItems"],
      type: "array",
      schemaType: "number",
      $data: true,
      error,
      code(cxt) {
        const { keyword, data, schemaCode } = cxt;
        const op = keyword === "maxItems" ? codegen_1.operators.GT : codegen_1.operators.LT;
        cxt.fail$data((0, codegen_1._)`${data}.length ${op} ${schemaCode}`);
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/runtime/equal.js
var require_equal = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/runtime/equal.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var equal = require_fast_deep_equal();
    equal.code = 'require("ajv/dist/runtime/equal").default';
    exports2.default = equal;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/uniqueItems.js
var require_uniqueItems = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/uniqueItems.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var dataType_1 = require_dataType();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: ({ params: { i, j } }) => (0, codegen_1.str)`must NOT have duplicate items (items ## ${j} and ${i} are identical)`,
      params: ({ params: { i, j } }) => (0, codegen_1._)`{i: ${i}, j: ${j}}`
    };
    var def2 = {
      keyword: "uniqueItems",
      type: "array",
      schemaType: "boolean",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, parentSchema, schemaCode, it } = cxt;
        if (!$data && !schema)
          return;
        const valid = gen.let("valid");
        const itemTypes = parentSchema.items ? (0, dataType_1.getSchemaTypes)(parentSchema.items) : [];
        cxt.block$data(valid, validateUniqueItems, (0, codegen_1._)`${schemaCode} === false`);
        cxt.ok(valid);
        function validateUniqueItems() {
          const i = gen.let("i", (0, codegen_1._)`${data}.length`);
          const j = gen.let("j");
          cxt.setParams({ i, j });
          gen.assign(valid, true);
          gen.if((0, codegen_1._)`${i} > 1`, () => (canOptimize() ? loopN : loopN2)(i, j));
        }
        function canOptimize() {
          return itemTypes.length > 0 && !itemTypes.some((t) => t === "object" || t === "array");
        }
        function loopN(i, j) {
          const item = gen.name("item");
          const wrongType = (0, dataType_1.checkDataTypes)(itemTypes, item, it.opts.strictNumbers, dataType_1.DataType.Wrong);
          const indices = gen.const("indices", (0, codegen_1._)`{}`);
          gen.for((0, codegen_1._)`;${i}--;`, () => {
            gen.let(item, (0, codegen_1._)`${data}[${i}]`);
            gen.if(wrongType, (0, codegen_1._)`continue`);
            if (itemTypes.length > 1)
              gen.if((0, codegen_1._)`typeof ${item} == "string"`, (0, codegen_1._)`${item} += "_"`);
            gen.if((0, codegen_1._)`typeof ${indices}[${item}] == "number"`, () => {
              gen.assign(j, (0, codegen_1._)`${indices}[${item}]`);
              cxt.error();
              gen.assign(valid, false).break();
            }).code((0, codegen_1._)`${indices}[${item}] = ${i}`);
          });
        }
        function loopN2(i, j) {
          const eql = (0, util_1.useFunc)(gen, equal_1.default);
          const outer = gen.name("outer");
          gen.label(outer).for((0, codegen_1._)`;${i}--;`, () => gen.for((0, codegen_1._)`${j} = ${i}; ${j}--;`, () => gen.if((0, codegen_1._)`${eql}(${data}[${i}], ${data}[${j}])`, () => {
            cxt.error();
            gen.assign(valid, false).break(outer);
          })));
        }
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/const.js
var require_const = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/const.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to constant",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValue: ${schemaCode}}`
    };
    var def2 = {
      keyword: "const",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schemaCode, schema } = cxt;
        if ($data || schema && typeof schema == "object") {
          cxt.fail$data((0, codegen_1._)`!${(0, util_1.useFunc)(gen, equal_1.default)}(${data}, ${schemaCode})`);
        } else {
          cxt.fail((0, codegen_1._)`${schema} !== ${data}`);
        }
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/enum.js
var require_enum = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/enum.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var equal_1 = require_equal();
    var error = {
      message: "must be equal to one of the allowed values",
      params: ({ schemaCode }) => (0, codegen_1._)`{allowedValues: ${schemaCode}}`
    };
    var def2 = {
      keyword: "enum",
      schemaType: "array",
      $data: true,
      error,
      code(cxt) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        if (!$data && schema.length === 0)
          throw new Error("enum must have non-empty array");
        const useLoop = schema.length >= it.opts.loopEnum;
        let eql;
        const getEql = () => eql !== null && eql !== void 0 ? eql : eql = (0, util_1.useFunc)(gen, equal_1.default);
        let valid;
        if (useLoop || $data) {
          valid = gen.let("valid");
          cxt.block$data(valid, loopEnum);
        } else {
          if (!Array.isArray(schema))
            throw new Error("ajv implementation error");
          const vSchema = gen.const("vSchema", schemaCode);
          valid = (0, codegen_1.or)(...schema.map((_x, i) => equalCode(vSchema, i)));
        }
        cxt.pass(valid);
        function loopEnum() {
          gen.assign(valid, false);
          gen.forOf("v", schemaCode, (v) => gen.if((0, codegen_1._)`${getEql()}(${data}, ${v})`, () => gen.assign(valid, true).break()));
        }
        function equalCode(vSchema, i) {
          const sch = schema[i];
          return typeof sch === "object" && sch !== null ? (0, codegen_1._)`${getEql()}(${data}, ${vSchema}[${i}])` : (0, codegen_1._)`${data} === ${sch}`;
        }
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/index.js
var require_validation = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/validation/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var limitNumber_1 = require_limitNumber();
    var multipleOf_1 = require_multipleOf();
    var limitLength_1 = require_limitLength();
    var pattern_1 = require_pattern();
    var limitProperties_1 = require_limitProperties();
    var required_1 = require_required();
    var limitItems_1 = require_limitItems();
    var uniqueItems_1 = require_uniqueItems();
    var const_1 = require_const();
    var enum_1 = require_enum();
    var validation = [
      // number
      limitNumber_1.default,
      multipleOf_1.default,
      // string
      limitLength_1.default,
      pattern_1.default,
      // object
      limitProperties_1.default,
      required_1.default,
      // array
      limitItems_1.default,
      uniqueItems_1.default,
      // any
      { keyword: "type", schemaType: ["string", "array"] },
      { keyword: "nullable", schemaType: "boolean" },
      const_1.default,
      enum_1.default
    ];
    exports2.default = validation;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/additionalItems.js
var require_additionalItems = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/additionalItems.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.validateAdditionalItems = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def2 = {
      keyword: "additionalItems",
      type: "array",
      schemaType: ["boolean", "object"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { parentSchema, it } = cxt;
        const { items } = parentSchema;
        if (!Array.isArray(items)) {
          (0, util_1.checkStrictMode)(it, '"additionalItems" is ignored when "items" is not an array of schemas');
          return;
        }
        validateAdditionalItems(cxt, items);
      }
    };
    function validateAdditionalItems(cxt, items) {
      const { gen, schema, data, keyword, it } = cxt;
      it.items = true;
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      if (schema === false) {
        cxt.setParams({ len: items.length });
        cxt.pass((0, codegen_1._)`${len} <= ${items.length}`);
      } else if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
        const valid = gen.var("valid", (0, codegen_1._)`${len} <= ${items.length}`);
        gen.if((0, codegen_1.not)(valid), () => validateItems(valid));
        cxt.ok(valid);
      }
      function validateItems(valid) {
        gen.forRange("i", items.length, len, (i) => {
          cxt.subschema({ keyword, dataProp: i, dataPropType: util_1.Type.Num }, valid);
          if (!it.allErrors)
            gen.if((0, codegen_1.not)(valid), () => gen.break());
        });
      }
    }
    exports2.validateAdditionalItems = validateAdditionalItems;
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/items.js
var require_items = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/items.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.validateTuple = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var def2 = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "array", "boolean"],
      before: "uniqueItems",
      code(cxt) {
        const { schema, it } = cxt;
        if (Array.isArray(schema))
          return validateTuple(cxt, "additionalItems", schema);
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    function validateTuple(cxt, extraItems, schArr = cxt.schema) {
      const { gen, parentSchema, data, keyword, it } = cxt;
      checkStrictTuple(parentSchema);
      if (it.opts.unevaluated && schArr.length && it.items !== true) {
        it.items = util_1.mergeEvaluated.items(gen, schArr.length, it.items);
      }
      const valid = gen.name("valid");
      const len = gen.const("len", (0, codegen_1._)`${data}.length`);
      schArr.forEach((sch, i) => {
        if ((0, util_1.alwaysValidSchema)(it, sch))
          return;
        gen.if((0, codegen_1._)`${len} > ${i}`, () => cxt.subschema({
          keyword,
          schemaProp: i,
          dataProp: i
        }, valid));
        cxt.ok(valid);
      });
      function checkStrictTuple(sch) {
        const { opts, errSchemaPath } = it;
        const l = schArr.length;
        const fullTuple = l === sch.minItems && (l === sch.maxItems || sch[extraItems] === false);
        if (opts.strictTuples && !fullTuple) {
          const msg = `"${keyword}" is ${l}-tuple, but minItems or maxItems/${extraItems} are not specified or different at path "${errSchemaPath}"`;
          (0, util_1.checkStrictMode)(it, msg, opts.strictTuples);
        }
      }
    }
    exports2.validateTuple = validateTuple;
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/prefixItems.js
var require_prefixItems = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/prefixItems.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var items_1 = require_items();
    var def2 = {
      keyword: "prefixItems",
      type: "array",
      schemaType: ["array"],
      before: "uniqueItems",
      code: (cxt) => (0, items_1.validateTuple)(cxt, "items")
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/items2020.js
var require_items2020 = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/items2020.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    var additionalItems_1 = require_additionalItems();
    var error = {
      message: ({ params: { len } }) => (0, codegen_1.str)`must NOT have more than ${len} items`,
      params: ({ params: { len } }) => (0, codegen_1._)`{limit: ${len}}`
    };
    var def2 = {
      keyword: "items",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      error,
      code(cxt) {
        const { schema, parentSchema, it } = cxt;
        const { prefixItems } = parentSchema;
        it.items = true;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        if (prefixItems)
          (0, additionalItems_1.validateAdditionalItems)(cxt, prefixItems);
        else
          cxt.ok((0, code_1.validateArray)(cxt));
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/contains.js
var require_contains = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/contains.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1.str)`must contain at least ${min} valid item(s)` : (0, codegen_1.str)`must contain at least ${min} and no more than ${max} valid item(s)`,
      params: ({ params: { min, max } }) => max === void 0 ? (0, codegen_1._)`{minContains: ${min}}` : (0, codegen_1._)`{minContains: ${min}, maxContains: ${max}}`
    };
    var def2 = {
      keyword: "contains",
      type: "array",
      schemaType: ["object", "boolean"],
      before: "uniqueItems",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        let min;
        let max;
        const { minContains, maxContains } = parentSchema;
        if (it.opts.next) {
          min = minContains === void 0 ? 1 : minContains;
          max = maxContains;
        } else {
          min = 1;
        }
        const len = gen.const("len", (0, codegen_1._)`${data}.length`);
        cxt.setParams({ min, max });
        if (max === void 0 && min === 0) {
          (0, util_1.checkStrictMode)(it, `"minContains" == 0 without "maxContains": "contains" keyword ignored`);
          return;
        }
        if (max !== void 0 && min > max) {
          (0, util_1.checkStrictMode)(it, `"minContains" > "maxContains" is always invalid`);
          cxt.fail();
          return;
        }
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          let cond = (0, codegen_1._)`${len} >= ${min}`;
          if (max !== void 0)
            cond = (0, codegen_1._)`${cond} && ${len} <= ${max}`;
          cxt.pass(cond);
          return;
        }
        it.items = true;
        const valid = gen.name("valid");
        if (max === void 0 && min === 1) {
          validateItems(valid, () => gen.if(valid, () => gen.break()));
        } else if (min === 0) {
          gen.let(valid, true);
          if (max !== void 0)
            gen.if((0, codegen_1._)`${data}.length > 0`, validateItemsWithCount);
        } else {
          gen.let(valid, false);
          validateItemsWithCount();
        }
        cxt.result(valid, () => cxt.reset());
        function validateItemsWithCount() {
          const schValid = gen.name("_valid");
          const count = gen.let("count", 0);
          validateItems(schValid, () => gen.if(schValid, () => checkLimits(count)));
        }
        function validateItems(_valid, block) {
          gen.forRange("i", 0, len, (i) => {
            cxt.subschema({
              keyword: "contains",
              dataProp: i,
              dataPropType: util_1.Type.Num,
              compositeRule: true
            }, _valid);
            block();
          });
        }
        function checkLimits(count) {
          gen.code((0, codegen_1._)`${count}++`);
          if (max === void 0) {
            gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true).break());
          } else {
            gen.if((0, codegen_1._)`${count} > ${max}`, () => gen.assign(valid, false).break());
            if (min === 1)
              gen.assign(valid, true);
            else
              gen.if((0, codegen_1._)`${count} >= ${min}`, () => gen.assign(valid, true));
          }
        }
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/dependencies.js
var require_dependencies = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/dependencies.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.validateSchemaDeps = exports2.validatePropertyDeps = exports2.error = void 0;
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var code_1 = require_code2();
    exports2.error = {
      message: ({ params: { property, depsCount, deps } }) => {
        const property_ies = depsCount === 1 ? "property" : "properties";
        return (0, codegen_1.str)`must have ${property_ies} ${deps} when property ${property} is present`;
      },
      params: ({ params: { property, depsCount, deps, missingProperty } }) => (0, codegen_1._)`{property: ${property},
    missingProperty: ${missingProperty},
    depsCount: ${depsCount},
    deps: ${deps}}`
      // TODO change to reference
    };
    var def2 = {
      keyword: "dependencies",
      type: "object",
      schemaType: "object",
      error: exports2.error,
      code(cxt) {
        const [propDeps, schDeps] = splitDependencies(cxt);
        validatePropertyDeps(cxt, propDeps);
        validateSchemaDeps(cxt, schDeps);
      }
    };
    function splitDependencies({ schema }) {
      const propertyDeps = {};
      const schemaDeps = {};
      for (const key2 in schema) {
        if (key2 === "__proto__")
          continue;
        const deps = Array.isArray(schema[key2]) ? propertyDeps : schemaDeps;
        deps[key2] = schema[key2];
      }
      return [propertyDeps, schemaDeps];
    }
    function validatePropertyDeps(cxt, propertyDeps = cxt.schema) {
      const { gen, data, it } = cxt;
      if (Object.keys(propertyDeps).length === 0)
        return;
      const missing = gen.let("missing");
      for (const prop in propertyDeps) {
        const deps = propertyDeps[prop];
        if (deps.length === 0)
          continue;
        const hasProperty = (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties);
        cxt.setParams({
          property: prop,
          depsCount: deps.length,
          deps: deps.join(", ")
        });
        if (it.allErrors) {
          gen.if(hasProperty, () => {
            for (const depProp of deps) {
              (0, code_1.checkReportMissingProp)(cxt, depProp);
            }
          });
        } else {
          gen.if((0, codegen_1._)`${hasProperty} && (${(0, code_1.checkMissingProp)(cxt, deps, missing)})`);
          (0, code_1.reportMissingProp)(cxt, missing);
          gen.else();
        }
      }
    }
    exports2.validatePropertyDeps = validatePropertyDeps;
    function validateSchemaDeps(cxt, schemaDeps = cxt.schema) {
      const { gen, data, keyword, it } = cxt;
      const valid = gen.name("valid");
      for (const prop in schemaDeps) {
        if ((0, util_1.alwaysValidSchema)(it, schemaDeps[prop]))
          continue;
        gen.if(
          (0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties),
          () => {
            const schCxt = cxt.subschema({ keyword, schemaProp: prop }, valid);
            cxt.mergeValidEvaluated(schCxt, valid);
          },
          () => gen.var(valid, true)
          // TODO var
        );
        cxt.ok(valid);
      }
    }
    exports2.validateSchemaDeps = validateSchemaDeps;
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/propertyNames.js
var require_propertyNames = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/propertyNames.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "property name must be valid",
      params: ({ params }) => (0, codegen_1._)`{propertyName: ${params.propertyName}}`
    };
    var def2 = {
      keyword: "propertyNames",
      type: "object",
      schemaType: ["object", "boolean"],
      error,
      code(cxt) {
        const { gen, schema, data, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema))
          return;
        const valid = gen.name("valid");
        gen.forIn("key", data, (key2) => {
          cxt.setParams({ propertyName: key2 });
          cxt.subschema({
            keyword: "propertyNames",
            data: key2,
            dataTypes: ["string"],
            propertyName: key2,
            compositeRule: true
          }, valid);
          gen.if((0, codegen_1.not)(valid), () => {
            cxt.error(true);
            if (!it.allErrors)
              gen.break();
          });
        });
        cxt.ok(valid);
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js
var require_additionalProperties = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/additionalProperties.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var names_1 = require_names();
    var util_1 = require_util();
    var error = {
      message: "must NOT have additional properties",
      params: ({ params }) => (0, codegen_1._)`{additionalProperty: ${params.additionalProperty}}`
    };
    var def2 = {
      keyword: "additionalProperties",
      type: ["object"],
      schemaType: ["boolean", "object"],
      allowUndefined: true,
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, data, errsCount, it } = cxt;
        if (!errsCount)
          throw new Error("ajv implementation error");
        const { allErrors, opts } = it;
        it.props = true;
        if (opts.removeAdditional !== "all" && (0, util_1.alwaysValidSchema)(it, schema))
          return;
        const props = (0, code_1.allSchemaProperties)(parentSchema.properties);
        const patProps = (0, code_1.allSchemaProperties)(parentSchema.patternProperties);
        checkAdditionalProperties();
        cxt.ok((0, codegen_1._)`${errsCount} === ${names_1.default.errors}`);
        function checkAdditionalProperties() {
          gen.forIn("key", data, (key2) => {
            if (!props.length && !patProps.length)
              additionalPropertyCode(key2);
            else
              gen.if(isAdditional(key2), () => additionalPropertyCode(key2));
          });
        }
        function isAdditional(key2) {
          let definedProp;
          if (props.length > 8) {
            const propsSchema = (0, util_1.schemaRefOrVal)(it, parentSchema.properties, "properties");
            definedProp = (0, code_1.isOwnProperty)(gen, propsSchema, key2);
          } else if (props.length) {
            definedProp = (0, codegen_1.or)(...props.map((p) => (0, codegen_1._)`${key2} === ${p}`));
          } else {
            definedProp = codegen_1.nil;
          }
          if (patProps.length) {
            definedProp = (0, codegen_1.or)(definedProp, ...patProps.map((p) => (0, codegen_1._)`${(0, code_1.usePattern)(cxt, p)}.test(${key2})`));
          }
          return (0, codegen_1.not)(definedProp);
        }
        function deleteAdditional(key2) {
          gen.code((0, codegen_1._)`delete ${data}[${key2}]`);
        }
        function additionalPropertyCode(key2) {
          if (opts.removeAdditional === "all" || opts.removeAdditional && schema === false) {
            deleteAdditional(key2);
            return;
          }
          if (schema === false) {
            cxt.setParams({ additionalProperty: key2 });
            cxt.error();
            if (!allErrors)
              gen.break();
            return;
          }
          if (typeof schema == "object" && !(0, util_1.alwaysValidSchema)(it, schema)) {
            const valid = gen.name("valid");
            if (opts.removeAdditional === "failing") {
              applyAdditionalSchema(key2, valid, false);
              gen.if((0, codegen_1.not)(valid), () => {
                cxt.reset();
                deleteAdditional(key2);
              });
            } else {
              applyAdditionalSchema(key2, valid);
              if (!allErrors)
                gen.if((0, codegen_1.not)(valid), () => gen.break());
            }
          }
        }
        function applyAdditionalSchema(key2, valid, errors) {
          const subschema = {
            keyword: "additionalProperties",
            dataProp: key2,
            dataPropType: util_1.Type.Str
          };
          if (errors === false) {
            Object.assign(subschema, {
              compositeRule: true,
              createErrors: false,
              allErrors: false
            });
          }
          cxt.subschema(subschema, valid);
        }
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/properties.js
var require_properties = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/properties.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var validate_1 = require_validate();
    var code_1 = require_code2();
    var util_1 = require_util();
    var additionalProperties_1 = require_additionalProperties();
    var def2 = {
      keyword: "properties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, parentSchema, data, it } = cxt;
        if (it.opts.removeAdditional === "all" && parentSchema.additionalProperties === void 0) {
          additionalProperties_1.default.code(new validate_1.KeywordCxt(it, additionalProperties_1.default, "additionalProperties"));
        }
        const allProps = (0, code_1.allSchemaProperties)(schema);
        for (const prop of allProps) {
          it.definedProperties.add(prop);
        }
        if (it.opts.unevaluated && allProps.length && it.props !== true) {
          it.props = util_1.mergeEvaluated.props(gen, (0, util_1.toHash)(allProps), it.props);
        }
        const properties = allProps.filter((p) => !(0, util_1.alwaysValidSchema)(it, schema[p]));
        if (properties.length === 0)
          return;
        const valid = gen.name("valid");
        for (const prop of properties) {
          if (hasDefault(prop)) {
            applyPropertySchema(prop);
          } else {
            gen.if((0, code_1.propertyInData)(gen, data, prop, it.opts.ownProperties));
            applyPropertySchema(prop);
            if (!it.allErrors)
              gen.else().var(valid, true);
            gen.endIf();
          }
          cxt.it.definedProperties.add(prop);
          cxt.ok(valid);
        }
        function hasDefault(prop) {
          return it.opts.useDefaults && !it.compositeRule && schema[prop].default !== void 0;
        }
        function applyPropertySchema(prop) {
          cxt.subschema({
            keyword: "properties",
            schemaProp: prop,
            dataProp: prop
          }, valid);
        }
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/patternProperties.js
var require_patternProperties = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/patternProperties.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var code_1 = require_code2();
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var util_2 = require_util();
    var def2 = {
      keyword: "patternProperties",
      type: "object",
      schemaType: "object",
      code(cxt) {
        const { gen, schema, data, parentSchema, it } = cxt;
        const { opts } = it;
        const patterns = (0, code_1.allSchemaProperties)(schema);
        const alwaysValidPatterns = patterns.filter((p) => (0, util_1.alwaysValidSchema)(it, schema[p]));
        if (patterns.length === 0 || alwaysValidPatterns.length === patterns.length && (!it.opts.unevaluated || it.props === true)) {
          return;
        }
        const checkProperties = opts.strictSchema && !opts.allowMatchingProperties && parentSchema.properties;
        const valid = gen.name("valid");
        if (it.props !== true && !(it.props instanceof codegen_1.Name)) {
          it.props = (0, util_2.evaluatedPropsToName)(gen, it.props);
        }
        const { props } = it;
        validatePatternProperties();
        function validatePatternProperties() {
          for (const pat of patterns) {
            if (checkProperties)
              checkMatchingProperties(pat);
            if (it.allErrors) {
              validateProperties(pat);
            } else {
              gen.var(valid, true);
              validateProperties(pat);
              gen.if(valid);
            }
          }
        }
        function checkMatchingProperties(pat) {
          for (const prop in checkProperties) {
            if (new RegExp(pat).test(prop)) {
              (0, util_1.checkStrictMode)(it, `property ${prop} matches pattern ${pat} (use allowMatchingProperties)`);
            }
          }
        }
        function validateProperties(pat) {
          gen.forIn("key", data, (key2) => {
            gen.if((0, codegen_1._)`${(0, code_1.usePattern)(cxt, pat)}.test(${key2})`, () => {
              const alwaysValid = alwaysValidPatterns.includes(pat);
              if (!alwaysValid) {
                cxt.subschema({
                  keyword: "patternProperties",
                  schemaProp: pat,
                  dataProp: key2,
                  dataPropType: util_2.Type.Str
                }, valid);
              }
              if (it.opts.unevaluated && props !== true) {
                gen.assign((0, codegen_1._)`${props}[${key2}]`, true);
              } else if (!alwaysValid && !it.allErrors) {
                gen.if((0, codegen_1.not)(valid), () => gen.break());
              }
            });
          });
        }
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/not.js
var require_not = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/not.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var util_1 = require_util();
    var def2 = {
      keyword: "not",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      code(cxt) {
        const { gen, schema, it } = cxt;
        if ((0, util_1.alwaysValidSchema)(it, schema)) {
          cxt.fail();
          return;
        }
        const valid = gen.name("valid");
        cxt.subschema({
          keyword: "not",
          compositeRule: true,
          createErrors: false,
          allErrors: false
        }, valid);
        cxt.failResult(valid, () => cxt.reset(), () => cxt.error());
      },
      error: { message: "must NOT be valid" }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/anyOf.js
var require_anyOf = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/anyOf.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var code_1 = require_code2();
    var def2 = {
      keyword: "anyOf",
      schemaType: "array",
      trackErrors: true,
      code: code_1.validateUnion,
      error: { message: "must match a schema in anyOf" }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/oneOf.js
var require_oneOf = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/oneOf.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: "must match exactly one schema in oneOf",
      params: ({ params }) => (0, codegen_1._)`{passingSchemas: ${params.passing}}`
    };
    var def2 = {
      keyword: "oneOf",
      schemaType: "array",
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, schema, parentSchema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        if (it.opts.discriminator && parentSchema.discriminator)
          return;
        const schArr = schema;
        const valid = gen.let("valid", false);
        const passing = gen.let("passing", null);
        const schValid = gen.name("_valid");
        cxt.setParams({ passing });
        gen.block(validateOneOf);
        cxt.result(valid, () => cxt.reset(), () => cxt.error(true));
        function validateOneOf() {
          schArr.forEach((sch, i) => {
            let schCxt;
            if ((0, util_1.alwaysValidSchema)(it, sch)) {
              gen.var(schValid, true);
            } else {
              schCxt = cxt.subschema({
                keyword: "oneOf",
                schemaProp: i,
                compositeRule: true
              }, schValid);
            }
            if (i > 0) {
              gen.if((0, codegen_1._)`${schValid} && ${valid}`).assign(valid, false).assign(passing, (0, codegen_1._)`[${passing}, ${i}]`).else();
            }
            gen.if(schValid, () => {
              gen.assign(valid, true);
              gen.assign(passing, i);
              if (schCxt)
                cxt.mergeEvaluated(schCxt, codegen_1.Name);
            });
          });
        }
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/allOf.js
var require_allOf = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/allOf.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var util_1 = require_util();
    var def2 = {
      keyword: "allOf",
      schemaType: "array",
      code(cxt) {
        const { gen, schema, it } = cxt;
        if (!Array.isArray(schema))
          throw new Error("ajv implementation error");
        const valid = gen.name("valid");
        schema.forEach((sch, i) => {
          if ((0, util_1.alwaysValidSchema)(it, sch))
            return;
          const schCxt = cxt.subschema({ keyword: "allOf", schemaProp: i }, valid);
          cxt.ok(valid);
          cxt.mergeEvaluated(schCxt);
        });
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/if.js
var require_if = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/if.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var util_1 = require_util();
    var error = {
      message: ({ params }) => (0, codegen_1.str)`must match "${params.ifClause}" schema`,
      params: ({ params }) => (0, codegen_1._)`{failingKeyword: ${params.ifClause}}`
    };
    var def2 = {
      keyword: "if",
      schemaType: ["object", "boolean"],
      trackErrors: true,
      error,
      code(cxt) {
        const { gen, parentSchema, it } = cxt;
        if (parentSchema.then === void 0 && parentSchema.else === void 0) {
          (0, util_1.checkStrictMode)(it, '"if" without "then" and "else" is ignored');
        }
        const hasThen = hasSchema(it, "then");
        const hasElse = hasSchema(it, "else");
        if (!hasThen && !hasElse)
          return;
        const valid = gen.let("valid", true);
        const schValid = gen.name("_valid");
        validateIf();
        cxt.reset();
        if (hasThen && hasElse) {
          const ifClause = gen.let("ifClause");
          cxt.setParams({ ifClause });
          gen.if(schValid, validateClause("then", ifClause), validateClause("else", ifClause));
        } else if (hasThen) {
          gen.if(schValid, validateClause("then"));
        } else {
          gen.if((0, codegen_1.not)(schValid), validateClause("else"));
        }
        cxt.pass(valid, () => cxt.error(true));
        function validateIf() {
          const schCxt = cxt.subschema({
            keyword: "if",
            compositeRule: true,
            createErrors: false,
            allErrors: false
          }, schValid);
          cxt.mergeEvaluated(schCxt);
        }
        function validateClause(keyword, ifClause) {
          return () => {
            const schCxt = cxt.subschema({ keyword }, schValid);
            gen.assign(valid, schValid);
            cxt.mergeValidEvaluated(schCxt, valid);
            if (ifClause)
              gen.assign(ifClause, (0, codegen_1._)`${keyword}`);
            else
              cxt.setParams({ ifClause: keyword });
          };
        }
      }
    };
    function hasSchema(it, keyword) {
      const schema = it.schema[keyword];
      return schema !== void 0 && !(0, util_1.alwaysValidSchema)(it, schema);
    }
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/thenElse.js
var require_thenElse = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/thenElse.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var util_1 = require_util();
    var def2 = {
      keyword: ["then", "else"],
      schemaType: ["object", "boolean"],
      code({ keyword, parentSchema, it }) {
        if (parentSchema.if === void 0)
          (0, util_1.checkStrictMode)(it, `"${keyword}" without "if" is ignored`);
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/index.js
var require_applicator = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/applicator/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var additionalItems_1 = require_additionalItems();
    var prefixItems_1 = require_prefixItems();
    var items_1 = require_items();
    var items2020_1 = require_items2020();
    var contains_1 = require_contains();
    var dependencies_1 = require_dependencies();
    var propertyNames_1 = require_propertyNames();
    var additionalProperties_1 = require_additionalProperties();
    var properties_1 = require_properties();
    var patternProperties_1 = require_patternProperties();
    var not_1 = require_not();
    var anyOf_1 = require_anyOf();
    var oneOf_1 = require_oneOf();
    var allOf_1 = require_allOf();
    var if_1 = require_if();
    var thenElse_1 = require_thenElse();
    function getApplicator(draft2020 = false) {
      const applicator = [
        // any
        not_1.default,
        anyOf_1.default,
        oneOf_1.default,
        allOf_1.default,
        if_1.default,
        thenElse_1.default,
        // object
        propertyNames_1.default,
        additionalProperties_1.default,
        dependencies_1.default,
        properties_1.default,
        patternProperties_1.default
      ];
      if (draft2020)
        applicator.push(prefixItems_1.default, items2020_1.default);
      else
        applicator.push(additionalItems_1.default, items_1.default);
      applicator.push(contains_1.default);
      return applicator;
    }
    exports2.default = getApplicator;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/format/format.js
var require_format = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/format/format.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var error = {
      message: ({ schemaCode }) => (0, codegen_1.str)`must match format "${schemaCode}"`,
      params: ({ schemaCode }) => (0, codegen_1._)`{format: ${schemaCode}}`
    };
    var def2 = {
      keyword: "format",
      type: ["number", "string"],
      schemaType: "string",
      $data: true,
      error,
      code(cxt, ruleType) {
        const { gen, data, $data, schema, schemaCode, it } = cxt;
        const { opts, errSchemaPath, schemaEnv, self } = it;
        if (!opts.validateFormats)
          return;
        if ($data)
          validate$DataFormat();
        else
          validateFormat();
        function validate$DataFormat() {
          const fmts = gen.scopeValue("formats", {
            ref: self.formats,
            code: opts.code.formats
          });
          const fDef = gen.const("fDef", (0, codegen_1._)`${fmts}[${schemaCode}]`);
          const fType = gen.let("fType");
          const format2 = gen.let("format");
          gen.if((0, codegen_1._)`typeof ${fDef} == "object" && !(${fDef} instanceof RegExp)`, () => gen.assign(fType, (0, codegen_1._)`${fDef}.type || "string"`).assign(format2, (0, codegen_1._)`${fDef}.validate`), () => gen.assign(fType, (0, codegen_1._)`"string"`).assign(format2, fDef));
          cxt.fail$data((0, codegen_1.or)(unknownFmt(), invalidFmt()));
          function unknownFmt() {
            if (opts.strictSchema === false)
              return codegen_1.nil;
            return (0, codegen_1._)`${schemaCode} && !${format2}`;
          }
          function invalidFmt() {
            const callFormat = schemaEnv.$async ? (0, codegen_1._)`(${fDef}.async ? await ${format2}(${data}) : ${format2}(${data}))` : (0, codegen_1._)`${format2}(${data})`;
            const validData = (0, codegen_1._)`(typeof ${format2} == "function" ? ${callFormat} : ${format2}.test(${data}))`;
            return (0, codegen_1._)`${format2} && ${format2} !== true && ${fType} === ${ruleType} && !${validData}`;
          }
        }
        function validateFormat() {
          const formatDef = self.formats[schema];
          if (!formatDef) {
            unknownFormat();
            return;
          }
          if (formatDef === true)
            return;
          const [fmtType, format2, fmtRef] = getFormat(formatDef);
          if (fmtType === ruleType)
            cxt.pass(validCondition());
          function unknownFormat() {
            if (opts.strictSchema === false) {
              self.logger.warn(unknownMsg());
              return;
            }
            throw new Error(unknownMsg());
            function unknownMsg() {
              return `unknown format "${schema}" ignored in schema at path "${errSchemaPath}"`;
            }
          }
          function getFormat(fmtDef) {
            const code2 = fmtDef instanceof RegExp ? (0, codegen_1.regexpCode)(fmtDef) : opts.code.formats ? (0, codegen_1._)`${opts.code.formats}${(0, codegen_1.getProperty)(schema)}` : void 0;
            const fmt = gen.scopeValue("formats", { key: schema, ref: fmtDef, code: code2 });
            if (typeof fmtDef == "object" && !(fmtDef instanceof RegExp)) {
              return [fmtDef.type || "string", fmtDef.validate, (0, codegen_1._)`${fmt}.validate`];
            }
            return ["string", fmtDef, fmt];
          }
          function validCondition() {
            if (typeof formatDef == "object" && !(formatDef instanceof RegExp) && formatDef.async) {
              if (!schemaEnv.$async)
                throw new Error("async format in sync schema");
              return (0, codegen_1._)`await ${fmtRef}(${data})`;
            }
            return typeof format2 == "function" ? (0, codegen_1._)`${fmtRef}(${data})` : (0, codegen_1._)`${fmtRef}.test(${data})`;
          }
        }
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/format/index.js
var require_format2 = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/format/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var format_1 = require_format();
    var format2 = [format_1.default];
    exports2.default = format2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/metadata.js
var require_metadata = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/metadata.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.contentVocabulary = exports2.metadataVocabulary = void 0;
    exports2.metadataVocabulary = [
      "title",
      "description",
      "default",
      "deprecated",
      "readOnly",
      "writeOnly",
      "examples"
    ];
    exports2.contentVocabulary = [
      "contentMediaType",
      "contentEncoding",
      "contentSchema"
    ];
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/draft7.js
var require_draft7 = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/draft7.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var core_1 = require_core2();
    var validation_1 = require_validation();
    var applicator_1 = require_applicator();
    var format_1 = require_format2();
    var metadata_1 = require_metadata();
    var draft7Vocabularies = [
      core_1.default,
      validation_1.default,
      (0, applicator_1.default)(),
      format_1.default,
      metadata_1.metadataVocabulary,
      metadata_1.contentVocabulary
    ];
    exports2.default = draft7Vocabularies;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/discriminator/types.js
var require_types = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/discriminator/types.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.DiscrError = void 0;
    var DiscrError;
    (function(DiscrError2) {
      DiscrError2["Tag"] = "tag";
      DiscrError2["Mapping"] = "mapping";
    })(DiscrError || (exports2.DiscrError = DiscrError = {}));
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/discriminator/index.js
var require_discriminator = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/vocabularies/discriminator/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    var codegen_1 = require_codegen();
    var types_1 = require_types();
    var compile_1 = require_compile();
    var ref_error_1 = require_ref_error();
    var util_1 = require_util();
    var error = {
      message: ({ params: { discrError, tagName } }) => discrError === types_1.DiscrError.Tag ? `tag "${tagName}" must be string` : `value of tag "${tagName}" must be in oneOf`,
      params: ({ params: { discrError, tag, tagName } }) => (0, codegen_1._)`{error: ${discrError}, tag: ${tagName}, tagValue: ${tag}}`
    };
    var def2 = {
      keyword: "discriminator",
      type: "object",
      schemaType: "object",
      error,
      code(cxt) {
        const { gen, data, schema, parentSchema, it } = cxt;
        const { oneOf } = parentSchema;
        if (!it.opts.discriminator) {
          throw new Error("discriminator: requires discriminator option");
        }
        const tagName = schema.propertyName;
        if (typeof tagName != "string")
          throw new Error("discriminator: requires propertyName");
        if (schema.mapping)
          throw new Error("discriminator: mapping is not supported");
        if (!oneOf)
          throw new Error("discriminator: requires oneOf keyword");
        const valid = gen.let("valid", false);
        const tag = gen.const("tag", (0, codegen_1._)`${data}${(0, codegen_1.getProperty)(tagName)}`);
        gen.if((0, codegen_1._)`typeof ${tag} == "string"`, () => validateMapping(), () => cxt.error(false, { discrError: types_1.DiscrError.Tag, tag, tagName }));
        cxt.ok(valid);
        function validateMapping() {
          const mapping = getMapping();
          gen.if(false);
          for (const tagValue in mapping) {
            gen.elseIf((0, codegen_1._)`${tag} === ${tagValue}`);
            gen.assign(valid, applyTagSchema(mapping[tagValue]));
          }
          gen.else();
          cxt.error(false, { discrError: types_1.DiscrError.Mapping, tag, tagName });
          gen.endIf();
        }
        function applyTagSchema(schemaProp) {
          const _valid = gen.name("valid");
          const schCxt = cxt.subschema({ keyword: "oneOf", schemaProp }, _valid);
          cxt.mergeEvaluated(schCxt, codegen_1.Name);
          return _valid;
        }
        function getMapping() {
          var _a;
          const oneOfMapping = {};
          const topRequired = hasRequired(parentSchema);
          let tagRequired = true;
          for (let i = 0; i < oneOf.length; i++) {
            let sch = oneOf[i];
            if ((sch === null || sch === void 0 ? void 0 : sch.$ref) && !(0, util_1.schemaHasRulesButRef)(sch, it.self.RULES)) {
              const ref = sch.$ref;
              sch = compile_1.resolveRef.call(it.self, it.schemaEnv.root, it.baseId, ref);
              if (sch instanceof compile_1.SchemaEnv)
                sch = sch.schema;
              if (sch === void 0)
                throw new ref_error_1.default(it.opts.uriResolver, it.baseId, ref);
            }
            const propSch = (_a = sch === null || sch === void 0 ? void 0 : sch.properties) === null || _a === void 0 ? void 0 : _a[tagName];
            if (typeof propSch != "object") {
              throw new Error(`discriminator: oneOf subschemas (or referenced schemas) must have "properties/${tagName}"`);
            }
            tagRequired = tagRequired && (topRequired || hasRequired(sch));
            addMappings(propSch, i);
          }
          if (!tagRequired)
            throw new Error(`discriminator: "${tagName}" must be required`);
          return oneOfMapping;
          function hasRequired({ required }) {
            return Array.isArray(required) && required.includes(tagName);
          }
          function addMappings(sch, i) {
            if (sch.const) {
              addMapping(sch.const, i);
            } else if (sch.enum) {
              for (const tagValue of sch.enum) {
                addMapping(tagValue, i);
              }
            } else {
              throw new Error(`discriminator: "properties/${tagName}" must have "const" or "enum"`);
            }
          }
          function addMapping(tagValue, i) {
            if (typeof tagValue != "string" || tagValue in oneOfMapping) {
              throw new Error(`discriminator: "${tagName}" values must be unique strings`);
            }
            oneOfMapping[tagValue] = i;
          }
        }
      }
    };
    exports2.default = def2;
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/refs/json-schema-draft-07.json
var require_json_schema_draft_07 = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/refs/json-schema-draft-07.json"(exports2, module2) {
    module2.exports = {
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "http://json-schema.org/draft-07/schema#",
      title: "Core schema meta-schema",
      definitions: {
        schemaArray: {
          type: "array",
          minItems: 1,
          items: { $ref: "#" }
        },
        nonNegativeInteger: {
          type: "integer",
          minimum: 0
        },
        nonNegativeIntegerDefault0: {
          allOf: [{ $ref: "#/definitions/nonNegativeInteger" }, { default: 0 }]
        },
        simpleTypes: {
          enum: ["array", "boolean", "integer", "null", "number", "object", "string"]
        },
        stringArray: {
          type: "array",
          items: { type: "string" },
          uniqueItems: true,
          default: []
        }
      },
      type: ["object", "boolean"],
      properties: {
        $id: {
          type: "string",
          format: "uri-reference"
        },
        $schema: {
          type: "string",
          format: "uri"
        },
        $ref: {
          type: "string",
          format: "uri-reference"
        },
        $comment: {
          type: "string"
        },
        title: {
          type: "string"
        },
        description: {
          type: "string"
        },
        default: true,
        readOnly: {
          type: "boolean",
          default: false
        },
        examples: {
          type: "array",
          items: true
        },
        multipleOf: {
          type: "number",
          exclusiveMinimum: 0
        },
        maximum: {
          type: "number"
        },
        exclusiveMaximum: {
          type: "number"
        },
        minimum: {
          type: "number"
        },
        exclusiveMinimum: {
          type: "number"
        },
        maxLength: { $ref: "#/definitions/nonNegativeInteger" },
        minLength: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        pattern: {
          type: "string",
          format: "regex"
        },
        additionalItems: { $ref: "#" },
        items: {
          anyOf: [{ $ref: "#" }, { $ref: "#/definitions/schemaArray" }],
          default: true
        },
        maxItems: { $ref: "#/definitions/nonNegativeInteger" },
        minItems: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        uniqueItems: {
          type: "boolean",
          default: false
        },
        contains: { $ref: "#" },
        maxProperties: { $ref: "#/definitions/nonNegativeInteger" },
        minProperties: { $ref: "#/definitions/nonNegativeIntegerDefault0" },
        required: { $ref: "#/definitions/stringArray" },
        additionalProperties: { $ref: "#" },
        definitions: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        properties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          default: {}
        },
        patternProperties: {
          type: "object",
          additionalProperties: { $ref: "#" },
          propertyNames: { format: "regex" },
          default: {}
        },
        dependencies: {
          type: "object",
          additionalProperties: {
            anyOf: [{ $ref: "#" }, { $ref: "#/definitions/stringArray" }]
          }
        },
        propertyNames: { $ref: "#" },
        const: true,
        enum: {
          type: "array",
          items: true,
          minItems: 1,
          uniqueItems: true
        },
        type: {
          anyOf: [
            { $ref: "#/definitions/simpleTypes" },
            {
              type: "array",
              items: { $ref: "#/definitions/simpleTypes" },
              minItems: 1,
              uniqueItems: true
            }
          ]
        },
        format: { type: "string" },
        contentMediaType: { type: "string" },
        contentEncoding: { type: "string" },
        if: { $ref: "#" },
        then: { $ref: "#" },
        else: { $ref: "#" },
        allOf: { $ref: "#/definitions/schemaArray" },
        anyOf: { $ref: "#/definitions/schemaArray" },
        oneOf: { $ref: "#/definitions/schemaArray" },
        not: { $ref: "#" }
      },
      default: true
    };
  }
});

// ../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/ajv.js
var require_ajv = __commonJS({
  "../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/ajv.js"(exports2, module2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.MissingRefError = exports2.ValidationError = exports2.CodeGen = exports2.Name = exports2.nil = exports2.stringify = exports2.str = exports2._ = exports2.KeywordCxt = exports2.Ajv = void 0;
    var core_1 = require_core();
    var draft7_1 = require_draft7();
    var discriminator_1 = require_discriminator();
    var draft7MetaSchema = require_json_schema_draft_07();
    var META_SUPPORT_DATA = ["/properties"];
    var META_SCHEMA_ID = "http://json-schema.org/draft-07/schema";
    var Ajv2 = class extends core_1.default {
      _addVocabularies() {
        super._addVocabularies();
        draft7_1.default.forEach((v) => this.addVocabulary(v));
        if (this.opts.discriminator)
          this.addKeyword(discriminator_1.default);
      }
      _addDefaultMetaSchema() {
        super._addDefaultMetaSchema();
        if (!this.opts.meta)
          return;
        const metaSchema = this.opts.$data ? this.$dataMetaSchema(draft7MetaSchema, META_SUPPORT_DATA) : draft7MetaSchema;
        this.addMetaSchema(metaSchema, META_SCHEMA_ID, false);
        this.refs["http://json-schema.org/schema"] = META_SCHEMA_ID;
      }
      defaultMeta() {
        return this.opts.defaultMeta = super.defaultMeta() || (this.getSchema(META_SCHEMA_ID) ? META_SCHEMA_ID : void 0);
      }
    };
    exports2.Ajv = Ajv2;
    module2.exports = exports2 = Ajv2;
    module2.exports.Ajv = Ajv2;
    Object.defineProperty(exports2, "__esModule", { value: true });
    exports2.default = Ajv2;
    var validate_1 = require_validate();
    Object.defineProperty(exports2, "KeywordCxt", { enumerable: true, get: function() {
      return validate_1.KeywordCxt;
    } });
    var codegen_1 = require_codegen();
    Object.defineProperty(exports2, "_", { enumerable: true, get: function() {
      return codegen_1._;
    } });
    Object.defineProperty(exports2, "str", { enumerable: true, get: function() {
      return codegen_1.str;
    } });
    Object.defineProperty(exports2, "stringify", { enumerable: true, get: function() {
      return codegen_1.stringify;
    } });
    Object.defineProperty(exports2, "nil", { enumerable: true, get: function() {
      return codegen_1.nil;
    } });
    Object.defineProperty(exports2, "Name", { enumerable: true, get: function() {
      return codegen_1.Name;
    } });
    Object.defineProperty(exports2, "CodeGen", { enumerable: true, get: function() {
      return codegen_1.CodeGen;
    } });
    var validation_error_1 = require_validation_error();
    Object.defineProperty(exports2, "ValidationError", { enumerable: true, get: function() {
      return validation_error_1.default;
    } });
    var ref_error_1 = require_ref_error();
    Object.defineProperty(exports2, "MissingRefError", { enumerable: true, get: function() {
      return ref_error_1.default;
    } });
  }
});

// ../../node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code2 = text.charCodeAt(pos);
    if (isWhiteSpace(code2)) {
      do {
        pos++;
        value += String.fromCharCode(code2);
        code2 = text.charCodeAt(pos);
      } while (isWhiteSpace(code2));
      return token = 15;
    }
    if (isLineBreak(code2)) {
      pos++;
      value += String.fromCharCode(code2);
      if (code2 === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code2) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code2);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code2);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code2)) {
          pos++;
          code2 = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code2);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code2) {
    if (isWhiteSpace(code2) || isLineBreak(code2)) {
      return false;
    }
    switch (code2) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
var init_scanner = __esm({
  "../../node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/scanner.js"() {
    "use strict";
    (function(CharacterCodes2) {
      CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
      CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
      CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
      CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
      CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
      CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
      CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
      CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
      CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
      CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
      CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
      CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
      CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
      CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
      CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
      CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
      CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
      CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
      CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
      CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
      CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
      CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
      CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
      CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
      CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
      CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
      CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
      CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
      CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
      CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
      CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
      CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
      CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
      CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
      CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
      CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
      CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
      CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
      CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
      CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
      CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
      CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
      CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
      CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
      CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
      CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
      CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
      CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
      CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
      CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
      CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
      CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
      CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
      CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
      CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
      CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
      CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
      CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
      CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
      CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
      CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
      CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
      CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
      CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
      CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
      CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
      CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
      CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
      CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
      CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
      CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
      CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
      CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
      CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
      CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
      CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
      CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
      CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
      CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
      CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
    })(CharacterCodes || (CharacterCodes = {}));
  }
});

// ../../node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces, maxCachedValues, cachedBreakLinesWithSpaces;
var init_string_intern = __esm({
  "../../node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/string-intern.js"() {
    cachedSpaces = new Array(20).fill(0).map((_, index) => {
      return " ".repeat(index);
    });
    maxCachedValues = 200;
    cachedBreakLinesWithSpaces = {
      " ": {
        "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\n" + " ".repeat(index);
        }),
        "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\r" + " ".repeat(index);
        }),
        "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\r\n" + " ".repeat(index);
        })
      },
      "	": {
        "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\n" + "	".repeat(index);
        }),
        "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\r" + "	".repeat(index);
        }),
        "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
          return "\r\n" + "	".repeat(index);
        })
      }
    };
  }
});

// ../../node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/format.js
var init_format = __esm({
  "../../node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/format.js"() {
    "use strict";
    init_scanner();
    init_string_intern();
  }
});

// ../../node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/parser.js
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep, offset, length) => {
      if (currentParent.type === "property") {
        if (sep === ":") {
          currentParent.colonOffset = offset;
        } else if (sep === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path10) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path10) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}
var ParseOptions;
var init_parser = __esm({
  "../../node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/parser.js"() {
    "use strict";
    init_scanner();
    (function(ParseOptions2) {
      ParseOptions2.DEFAULT = {
        allowTrailingComma: false
      };
    })(ParseOptions || (ParseOptions = {}));
  }
});

// ../../node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/edit.js
var init_edit = __esm({
  "../../node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/impl/edit.js"() {
    "use strict";
    init_format();
    init_parser();
  }
});

// ../../node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/main.js
function printParseErrorCode(code2) {
  switch (code2) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}
var ScanError, SyntaxKind, parseTree2, findNodeAtLocation2, ParseErrorCode;
var init_main = __esm({
  "../../node_modules/.pnpm/jsonc-parser@3.3.1/node_modules/jsonc-parser/lib/esm/main.js"() {
    "use strict";
    init_format();
    init_edit();
    init_scanner();
    init_parser();
    (function(ScanError2) {
      ScanError2[ScanError2["None"] = 0] = "None";
      ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
      ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
      ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
      ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
      ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
      ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
    })(ScanError || (ScanError = {}));
    (function(SyntaxKind2) {
      SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
      SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
      SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
      SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
      SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
      SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
      SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
      SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
      SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
      SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
      SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
      SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
      SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
      SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
      SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
      SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
      SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
    })(SyntaxKind || (SyntaxKind = {}));
    parseTree2 = parseTree;
    findNodeAtLocation2 = findNodeAtLocation;
    (function(ParseErrorCode2) {
      ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
      ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
      ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
      ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
      ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
      ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
      ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
      ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
      ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
      ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
      ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
      ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
      ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
      ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
      ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
      ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
    })(ParseErrorCode || (ParseErrorCode = {}));
  }
});

// ../config/src/jsonFile.ts
function lineCol(text, offset) {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
function validatorFor(schema) {
  let v = compiled.get(schema);
  if (!v) compiled.set(schema, v = ajv.compile(schema));
  return v;
}
function pointerPath(pointer) {
  if (pointer === "") return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).map((s) => /^\d+$/.test(s) ? Number(s) : s);
}
function describe(e, where) {
  const at = where === "" ? "the file" : `"${where}"`;
  switch (e.keyword) {
    case "additionalProperties":
      return `unknown key "${String(e.params.additionalProperty)}"${where === "" ? "" : ` in "${where}"`}`;
    case "propertyNames":
      return `unknown key "${String(e.params.propertyName)}" in "${where}"`;
    case "enum":
      return `${at} must be one of ${e.params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return `${at} ${e.message ?? "is not valid"}`;
  }
}
function nodeOf(tree, e) {
  const path10 = pointerPath(e.instancePath);
  if (e.keyword === "additionalProperties") path10.push(String(e.params.additionalProperty));
  const node = findNodeAtLocation2(tree, path10);
  if (e.keyword === "propertyNames" && node) {
    const prop = node.children?.find((p) => p.children?.[0]?.value === e.params.propertyName);
    return prop?.children?.[0] ?? node;
  }
  if (e.keyword === "additionalProperties" && node?.parent?.type === "property") return node.parent.children?.[0];
  return node ?? tree;
}
function readJsonWithSchema(text, file, schema) {
  const errors = [];
  const tree = parseTree2(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !tree)
    throw new ConfigFileError(
      file,
      errors.length > 0 ? errors.map((e) => ({
        ...lineCol(text, e.offset),
        message: `not valid JSON: ${printParseErrorCode(e.error)}`
      })) : [{ line: 1, column: 1, message: "not valid JSON: empty file" }]
    );
  const value = JSON.parse(text);
  const validate = validatorFor(schema);
  if (!validate(value)) {
    const seen = /* @__PURE__ */ new Set();
    const problems = [];
    for (const e of validate.errors ?? []) {
      if (e.keyword === "enum" && e.propertyName !== void 0) continue;
      const node = nodeOf(tree, e);
      const where = pointerPath(e.instancePath).join(".");
      const p = { ...lineCol(text, node?.offset ?? 0), message: describe(e, where) };
      const key2 = `${p.line}:${p.column}:${p.message}`;
      if (seen.has(key2)) continue;
      seen.add(key2);
      problems.push(p);
    }
    throw new ConfigFileError(file, problems);
  }
  return { value, tree };
}
function lineOf(text, tree, path10) {
  return lineCol(text, findNodeAtLocation2(tree, path10)?.offset ?? 0);
}
function readConfigText(file, what = "cannot read") {
  try {
    return (0, import_node_fs6.readFileSync)(file, "utf8");
  } catch (e) {
    const code2 = e.code;
    throw new ConfigFileError(file, [
      { line: 1, column: 1, message: `${what}: ${typeof code2 === "string" ? code2 : String(e)}` }
    ]);
  }
}
var import_node_fs6, import_ajv, ConfigFileError, ajv, compiled;
var init_jsonFile = __esm({
  "../config/src/jsonFile.ts"() {
    "use strict";
    import_node_fs6 = require("node:fs");
    import_ajv = __toESM(require_ajv());
    init_main();
    ConfigFileError = class extends Error {
      constructor(file, problems) {
        super(problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}`).join("\n"));
        this.file = file;
        this.problems = problems;
        this.name = "ConfigFileError";
      }
      file;
      problems;
    };
    ajv = new import_ajv.default({ allErrors: true, strict: false });
    compiled = /* @__PURE__ */ new WeakMap();
  }
});

// ../config/schema/phq-tokens.schema.json
var phq_tokens_schema_default;
var init_phq_tokens_schema = __esm({
  "../config/schema/phq-tokens.schema.json"() {
    phq_tokens_schema_default = {
      $schema: "http://json-schema.org/draft-07/schema#",
      $id: "https://github.com/predicthq-tokens/predicthq-tokens/blob/main/packages/config/schema/phq-tokens.schema.json",
      title: "PredictHQ Tokens repository config (.phq-tokens.json)",
      description: 'One policy for the editor, the pre-commit hook and CI. See docs/scan.md, "Repository config file".',
      type: "object",
      additionalProperties: false,
      properties: {
        $schema: { type: "string" },
        extraPatterns: {
          description: "Extra placeholder spellings (JavaScript regular expressions), judged by context like the built-in ones. Not run in an untrusted workspace.",
          type: "array",
          items: { type: "string", minLength: 1 }
        },
        ignore: {
          description: "Paths never judged, in .gitignore syntax, relative to the folder of this file.",
          type: "array",
          items: { type: "string" }
        },
        severity: {
          description: 'Severity per finding kind or rule id; "off" hides it. A rule id wins over its kind.',
          type: "object",
          propertyNames: {
            enum: [
              "placeholder",
              "hardcoded-token",
              "known-token",
              "browser-exposure",
              "endpoint",
              "missing-scope",
              "phq/placeholder",
              "phq/placeholder-in-docs",
              "phq/custom-placeholder",
              "phq/dummy-token",
              "phq/hardcoded-token",
              "phq/known-token",
              "phq/browser-exposure",
              "phq/endpoint",
              "phq/missing-scope"
            ]
          },
          additionalProperties: { enum: ["error", "warning", "info", "hint", "off"] }
        },
        envVarName: {
          description: "The environment variable the safer reference names (process.env.X, $X, ...).",
          type: "string",
          pattern: "^[A-Za-z_][A-Za-z0-9_]*$"
        },
        markdownProse: {
          description: "Also judge Markdown prose, not only code blocks.",
          type: "boolean"
        },
        failOn: {
          description: "phq-tokens scan exits 1 when a finding is at or above this severity.",
          enum: ["error", "warning", "info", "hint", "none"]
        },
        baseline: {
          description: "The baseline file (written by phq-tokens scan --write-baseline), relative to the folder of this file: its findings are known, shown as hints in the editor and do not fail scan.",
          type: "string",
          minLength: 1
        }
      }
    };
  }
});

// ../config/src/find.ts
function findRepoConfig(start) {
  for (let d = import_node_path5.default.resolve(start); ; ) {
    const f = import_node_path5.default.join(d, CONFIG_FILE_NAME);
    try {
      if ((0, import_node_fs7.statSync)(f).isFile()) return f;
    } catch {
    }
    const up = import_node_path5.default.dirname(d);
    if (up === d) return void 0;
    d = up;
  }
}
var import_node_fs7, import_node_path5, CONFIG_FILE_NAME;
var init_find = __esm({
  "../config/src/find.ts"() {
    "use strict";
    import_node_fs7 = require("node:fs");
    import_node_path5 = __toESM(require("node:path"));
    CONFIG_FILE_NAME = ".phq-tokens.json";
  }
});

// ../config/src/repoConfig.ts
function parseRepoConfig(text, file) {
  const { value, tree } = readJsonWithSchema(text, file, phq_tokens_schema_default);
  const bad = (value.extraPatterns ?? []).flatMap((p, i) => {
    const re = compilePattern(p);
    return typeof re === "string" ? [{ ...lineOf(text, tree, ["extraPatterns", i]), message: `"extraPatterns.${i}" is not usable: ${re}` }] : [];
  });
  if (bad.length > 0) throw new ConfigFileError(file, bad);
  const dir = import_node_path6.default.dirname(file);
  const { $schema: _schema, ...rest } = value;
  return {
    ...rest,
    file,
    dir,
    filter: createPathFilter(value.ignore ?? []),
    ...value.baseline !== void 0 && { baselineFile: import_node_path6.default.resolve(dir, value.baseline) }
  };
}
function readRepoConfig(file) {
  return parseRepoConfig(readConfigText(file), file);
}
function ignoredByConfig(config, abs, isDir = false) {
  const rel = import_node_path6.default.relative(config.dir, abs).split(import_node_path6.default.sep).join("/");
  return config.filter.ignores(isDir ? rel + "/" : rel);
}
var import_node_path6;
var init_repoConfig = __esm({
  "../config/src/repoConfig.ts"() {
    "use strict";
    import_node_path6 = __toESM(require("node:path"));
    init_src3();
    init_phq_tokens_schema();
    init_jsonFile();
    init_find();
  }
});

// ../config/schema/phq-tokens-baseline.schema.json
var phq_tokens_baseline_schema_default;
var init_phq_tokens_baseline_schema = __esm({
  "../config/schema/phq-tokens-baseline.schema.json"() {
    phq_tokens_baseline_schema_default = {
      $schema: "http://json-schema.org/draft-07/schema#",
      title: "PredictHQ Tokens baseline (written by phq-tokens scan --write-baseline)",
      type: "object",
      additionalProperties: false,
      required: ["version", "salt", "entries"],
      properties: {
        $schema: { type: "string" },
        version: { const: 1 },
        salt: {
          description: "Random, per baseline: token findings are recorded as a salted hash, never the value or its plain fingerprint.",
          type: "string",
          pattern: "^[0-9a-f]{32}$"
        },
        entries: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["rule", "path", "text"],
            properties: {
              rule: { type: "string", minLength: 1 },
              path: { type: "string", minLength: 1 },
              text: { type: "string" }
            }
          }
        }
      }
    };
  }
});

// ../config/src/baseline.ts
function newSalt() {
  return (0, import_node_crypto3.randomBytes)(16).toString("hex");
}
function ruleKey(ruleId) {
  return ruleId === "phq/known-token" ? "phq/hardcoded-token" : ruleId;
}
function findingText(f, salt, fingerprint2 = f.data.fingerprint) {
  if (fingerprint2 === void 0) return f.match;
  return "hmac:" + (0, import_node_crypto3.createHmac)("sha256", salt).update(fingerprint2).digest("hex").slice(0, 32);
}
function key(rule, path10, text) {
  return `${ruleKey(rule)}\0${path10}\0${text}`;
}
function entryFor(f, path10, salt, fingerprint2) {
  return { rule: ruleKey(f.ruleId), path: path10, text: findingText(f, salt, fingerprint2 ?? f.data.fingerprint) };
}
function formatBaseline(b2) {
  const unique = /* @__PURE__ */ new Map();
  for (const e of b2.entries) unique.set(key(e.rule, e.path, e.text), { rule: e.rule, path: e.path, text: e.text });
  const entries = [...unique.values()].sort(
    (x, y) => cmp(x.path, y.path) || cmp(x.rule, y.rule) || cmp(x.text, y.text)
  );
  return JSON.stringify({ version: BASELINE_VERSION, salt: b2.salt, entries }, null, 2) + "\n";
}
function parseBaseline(text, file) {
  const { value } = readJsonWithSchema(text, file, phq_tokens_baseline_schema_default);
  return { salt: value.salt, entries: value.entries };
}
function readBaseline(file) {
  return parseBaseline(readConfigText(file, "cannot read the baseline"), file);
}
var import_node_crypto3, BASELINE_VERSION, DEFAULT_BASELINE_NAME, cmp, BaselineMatcher;
var init_baseline = __esm({
  "../config/src/baseline.ts"() {
    "use strict";
    import_node_crypto3 = require("node:crypto");
    init_phq_tokens_baseline_schema();
    init_jsonFile();
    BASELINE_VERSION = 1;
    DEFAULT_BASELINE_NAME = ".phq-tokens-baseline.json";
    cmp = (a, b2) => a < b2 ? -1 : a > b2 ? 1 : 0;
    BaselineMatcher = class {
      constructor(baseline) {
        this.baseline = baseline;
        for (const e of baseline.entries) this.keys.set(key(e.rule, e.path, e.text), e);
      }
      baseline;
      keys = /* @__PURE__ */ new Map();
      seen = /* @__PURE__ */ new Set();
      /** Whether the finding at `path` (relative to the project root) is in the baseline. */
      has(f, path10, fingerprint2) {
        const k2 = key(f.ruleId, path10, findingText(f, this.baseline.salt, fingerprint2 ?? f.data.fingerprint));
        if (!this.keys.has(k2)) return false;
        this.seen.add(k2);
        return true;
      }
      /** Entries no finding matched, among those `inScope` says this scan looked at. */
      unmatched(inScope) {
        return [...this.keys].filter(([k2, e]) => !this.seen.has(k2) && inScope(e)).map(([, e]) => e);
      }
    };
  }
});

// ../config/src/index.ts
var src_exports = {};
__export(src_exports, {
  BASELINE_VERSION: () => BASELINE_VERSION,
  BaselineMatcher: () => BaselineMatcher,
  CONFIG_FILE_NAME: () => CONFIG_FILE_NAME,
  ConfigFileError: () => ConfigFileError,
  DEFAULT_BASELINE_NAME: () => DEFAULT_BASELINE_NAME,
  entryFor: () => entryFor,
  findRepoConfig: () => findRepoConfig,
  findingText: () => findingText,
  formatBaseline: () => formatBaseline,
  ignoredByConfig: () => ignoredByConfig,
  newSalt: () => newSalt,
  parseBaseline: () => parseBaseline,
  parseRepoConfig: () => parseRepoConfig,
  readBaseline: () => readBaseline,
  readRepoConfig: () => readRepoConfig
});
var init_src4 = __esm({
  "../config/src/index.ts"() {
    "use strict";
    init_jsonFile();
    init_repoConfig();
    init_baseline();
  }
});

// ../../node_modules/.pnpm/commander@14.0.3/node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// ../core/src/errors.ts
var PhqError = class extends Error {
  name = "PhqError";
  kind;
  status;
  requestId;
  code;
  field;
  missingScope;
  retryAfterMs;
  attempts;
  causeCode;
  host;
  possiblyCreated;
  constructor(kind, message, details = {}) {
    super(message);
    this.kind = kind;
    for (const [k2, v] of Object.entries(details)) if (v !== void 0) Object.assign(this, { [k2]: v });
  }
  /** Whether retrying the same request later can succeed (PredictHQ: 429, 5xx, network). */
  get transient() {
    return this.kind === "rate-limited" || this.kind === "server" || this.kind === "network" || this.kind === "timeout";
  }
  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      code: this.code,
      field: this.field,
      missingScope: this.missingScope,
      retryAfterMs: this.retryAfterMs,
      attempts: this.attempts,
      causeCode: this.causeCode,
      host: this.host,
      possiblyCreated: this.possiblyCreated
    };
  }
};

// ../../package.json
var version = "0.1.0";

// ../core/src/index.ts
init_src();

// src/runtime/exit-codes.ts
var ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  unavailable: 5,
  cancelled: 130
};
var UsageError = class extends Error {
  name = "UsageError";
};
var CliError = class extends Error {
  constructor(message, exitCode) {
    super(message);
    this.exitCode = exitCode;
  }
  exitCode;
  name = "CliError";
};
function exitCodeFor(e) {
  if (e instanceof UsageError) return ExitCode.usage;
  if (e instanceof CliError) return e.exitCode;
  if (e instanceof CommanderError) return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
  if (!(e instanceof PhqError)) return ExitCode.failed;
  switch (e.kind) {
    case "validation":
      return ExitCode.usage;
    case "unauthorized":
    case "forbidden":
      return ExitCode.auth;
    case "not-found":
      return ExitCode.notFound;
    case "rate-limited":
    case "server":
    case "network":
    case "timeout":
      return ExitCode.unavailable;
    case "cancelled":
      return ExitCode.cancelled;
    case "payment-required":
    case "conflict":
    case "bad-response":
      return ExitCode.failed;
    default: {
      const never = e.kind;
      return never;
    }
  }
}

// src/run-program.ts
var HELP_FLAGS = /* @__PURE__ */ new Set(["-h", "--help"]);
function withoutHelpForUnknownCommand(program2, args) {
  const known = new Set(program2.commands.flatMap((c) => [c.name(), ...c.aliases()]));
  const operands = args.filter((a) => !a.startsWith("-"));
  const first = operands[0];
  if (first === void 0) return [...args];
  if (first === "help") {
    const target = operands[1];
    return target !== void 0 && !known.has(target) ? [target] : [...args];
  }
  return known.has(first) ? [...args] : args.filter((a) => !HELP_FLAGS.has(a));
}
async function runProgram(program2) {
  try {
    const [node, script, ...args] = process.argv;
    await program2.parseAsync([node, script, ...withoutHelpForUnknownCommand(program2, args)]);
  } catch (e) {
    if (e instanceof CommanderError) process.exitCode = exitCodeFor(e);
    else throw e;
  }
}

// src/commands/scan.ts
var import_node_fs10 = require("node:fs");
var import_node_path9 = __toESM(require("node:path"));
init_src3();

// src/runtime/describe-error.ts
function attempts(e) {
  return e.attempts && e.attempts > 1 ? ` after ${e.attempts} attempts` : "";
}
function seconds(ms) {
  return `${Math.ceil(ms / 1e3)} s`;
}
function describePhq(e, apiUrl) {
  const where = apiUrl ? ` (${apiUrl})` : "";
  switch (e.kind) {
    case "unauthorized":
      return `Not authorized: ${e.message}
hint: run "phq-tokens login" or set PHQ_MANAGEMENT_TOKEN.`;
    case "forbidden":
      return e.missingScope ? `Forbidden: the credential lacks the "${e.missingScope}" scope.` : `Forbidden: ${e.message}`;
    case "payment-required":
      return `Payment required: ${e.message}
hint: renew the subscription in the PredictHQ WebApp.`;
    case "not-found":
      return `Not found: ${e.message}`;
    case "validation":
      return e.field ? `Invalid ${e.field}: ${e.message}` : `Invalid request: ${e.message}`;
    case "conflict":
      return `Conflict: ${e.message}`;
    case "rate-limited":
      return `Rate limited by the API${attempts(e)}: ${e.message}${e.retryAfterMs !== void 0 ? `
hint: try again in ${seconds(e.retryAfterMs)}.` : ""}`;
    case "server":
      return `The API failed${e.status ? ` with ${e.status}` : ""}${attempts(e)}: ${e.message}${where}`;
    case "network":
      return `Could not reach the API${where}${attempts(e)}${e.causeCode ? ` (${e.causeCode})` : ""}.`;
    case "timeout":
      return `The API did not answer in time${where}${attempts(e)}.`;
    case "cancelled":
      return "Cancelled.";
    case "bad-response":
      return `Unexpected response from the API${where}: ${e.message}`;
    default: {
      const never = e.kind;
      return never;
    }
  }
}
function describeError(e, apiUrl) {
  if (e instanceof PhqError) {
    const id = e.requestId ? ` [request ${e.requestId}]` : "";
    const orphan = e.possiblyCreated === void 0 ? "" : `
hint: a token named "${e.possiblyCreated}" may have been created anyway, and its value cannot be read again. Find it with "phq-tokens list" (newest last) and, if it is there, delete it with "phq-tokens delete <id>"; then create the token again.`;
    return `error: ${describePhq(e, apiUrl)}${id}${orphan}`;
  }
  if (e instanceof UsageError || e instanceof CliError) return `error: ${e.message}`;
  return `error: ${e instanceof Error ? e.message : String(e)}`;
}

// src/runtime/io.ts
var import_promises = require("node:readline/promises");
function out(text) {
  process.stdout.write(text.endsWith("\n") ? text : `${text}
`);
}
function info(text) {
  process.stderr.write(text.endsWith("\n") ? text : `${text}
`);
}

// src/scan/format-sarif.ts
var import_node_crypto2 = require("node:crypto");
var import_node_url = require("node:url");
init_src3();

// src/scan/raw-name.ts
var ESCAPED = /[\u{dc80}-\u{dcff}]/u;
function sequenceAt(b2, i) {
  const c = b2[i];
  if (c < 128) return 1;
  const cont = (k2) => i + k2 < b2.length && (b2[i + k2] & 192) === 128;
  if (c >= 194 && c <= 223) return cont(1) ? 2 : 0;
  if (c >= 224 && c <= 239) {
    const c1 = b2[i + 1] ?? 0;
    if (c === 224 && c1 < 160 || c === 237 && c1 > 159) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 240 && c <= 244) {
    const c1 = b2[i + 1] ?? 0;
    if (c === 240 && c1 < 144 || c === 244 && c1 > 143) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}
function decodeName(bytes) {
  let out2 = "";
  let from = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out2 += bytes.toString("utf8", from, i) + String.fromCharCode(56320 + bytes[i]);
    from = ++i;
  }
  return out2 + bytes.toString("utf8", from);
}
var hasRawBytes = (name) => ESCAPED.test(name);
function fsPath(name) {
  if (!hasRawBytes(name)) return name;
  const parts = [];
  for (const piece of name.split(/([\u{dc80}-\u{dcff}])/u)) {
    if (piece.length === 1 && ESCAPED.test(piece)) parts.push(Buffer.of(piece.charCodeAt(0) - 56320));
    else parts.push(Buffer.from(piece, "utf8"));
  }
  return Buffer.concat(parts);
}
function encodeNameUri(name) {
  if (!hasRawBytes(name)) return encodeURI(name);
  return name.split(/([\u{dc80}-\u{dcff}])/u).map(
    (piece) => piece.length === 1 && ESCAPED.test(piece) ? `%${(piece.charCodeAt(0) - 56320).toString(16).toUpperCase()}` : encodeURI(piece)
  ).join("");
}

// src/scan/format-sarif.ts
var RULES2 = RULES.filter((x) => x.runsIn === "engine");
var LEVEL = {
  error: "error",
  warning: "warning",
  info: "note",
  hint: "note"
};
function cellLocation(c) {
  const path10 = `cells[${c.index}]` + (c.output !== void 0 ? `/outputs[${c.output}]` : "");
  return {
    name: cellLabel(c),
    fullyQualifiedName: path10,
    kind: c.output !== void 0 ? "notebookOutput" : "notebookCell",
    ...c.id !== void 0 ? { properties: { cellId: c.id } } : {}
  };
}
function formatSarif(r, version2) {
  const index = new Map(RULES2.map((x, i) => [x.id, i]));
  const results = r.results.flatMap(
    (res) => res.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) ?? 0,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeNameUri(res.file), uriBaseId: "%SRCROOT%" },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1
            }
          },
          // A notebook's cell (and output) as a logical location: code-scanning UIs show it,
          // and the line in the .ipynb alone does not say which cell a reader should open.
          ...f.data.cell ? { logicalLocations: [cellLocation(f.data.cell)] } : {}
        }
      ],
      // Stable across runs and line moves elsewhere in the file; never derived from a raw token.
      partialFingerprints: {
        "phqFinding/v1": (0, import_node_crypto2.createHash)("sha256").update(`${res.file}\0${f.ruleId}\0${f.data.fingerprint ?? f.match}`).digest("hex").slice(0, 32)
      },
      // scan --history: the finding is in a past version of the file; SARIF has no per-result
      // revision, so the commit that brought it goes in the property bag.
      ...res.history && {
        properties: {
          commit: res.history.introduced?.commit,
          commitDate: res.history.introduced?.date,
          author: res.history.introduced?.author,
          blob: res.history.blob,
          inHead: res.history.inHead
        }
      }
    }))
  );
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "phq-tokens",
            version: version2,
            informationUri: "https://www.predicthq.com/",
            rules: RULES2.map((x) => ({
              id: x.id,
              name: x.sarif.name,
              shortDescription: { text: x.sarif.short },
              fullDescription: { text: x.sarif.full },
              helpUri: ruleDocsUrl(x),
              defaultConfiguration: { level: LEVEL[x.severity] }
            }))
          }
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: (0, import_node_url.pathToFileURL)(r.root + "/").href } },
        columnKind: "utf16CodeUnits",
        ...r.git?.remote && {
          versionControlProvenance: [
            {
              repositoryUri: r.git.remote,
              ...r.git.head && { revisionId: r.git.head },
              ...r.git.branch && { branch: r.git.branch },
              mappedTo: { uriBaseId: "%SRCROOT%" }
            }
          ]
        },
        results
      }
    ]
  };
  return JSON.stringify(log, null, 2);
}

// src/scan/quote-path.ts
var UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"\\\u{dc80}-\u{dcff}]/u;
var UNSAFE_ALL = new RegExp(UNSAFE.source, "gu");
var NAMED = {
  "\x07": "\\a",
  "\b": "\\b",
  "	": "\\t",
  "\n": "\\n",
  "\v": "\\v",
  "\f": "\\f",
  "\r": "\\r",
  '"': '\\"',
  "\\": "\\\\"
};
function octal(c) {
  const code2 = c.charCodeAt(0);
  const bytes = code2 >= 56448 && code2 <= 56575 ? [code2 - 56320] : [...Buffer.from(c, "utf8")];
  return bytes.map((b2) => `\\${b2.toString(8).padStart(3, "0")}`).join("");
}
function quotePath(name) {
  if (!UNSAFE.test(name)) return name;
  return `"${name.replace(UNSAFE_ALL, (c) => NAMED[c] ?? octal(c))}"`;
}

// src/scan/format-text.ts
function formatHuman(r) {
  const lines = [];
  for (const res of r.results) {
    const file = quotePath(res.file);
    const where = res.history ? `  (${describeHistory(res.history)})` : "";
    for (const f of res.findings) {
      const { line, character } = f.range.start;
      lines.push(`${file}:${line + 1}:${character + 1}  ${f.severity.padEnd(7)} ${f.ruleId}  ${f.message}${where}`);
    }
  }
  return lines.join("\n");
}
var SKIP_SUMMARY = {
  binary: "binary",
  "too-large": "too large",
  fifo: "not a regular file",
  socket: "not a regular file",
  device: "not a regular file"
};
var SPECIAL = { fifo: "a FIFO", socket: "a socket", device: "a device" };
function skippedLines(r) {
  return r.skipped.filter((s) => SPECIAL[s.reason] !== void 0).map((s) => `skipped ${quotePath(s.file)}: not a regular file (${SPECIAL[s.reason]})`);
}
function summaryLine(r) {
  const n = r.results.reduce((s, x) => s + x.findings.length, 0);
  const parts = [`${n} finding${n === 1 ? "" : "s"} in ${r.results.length} file${r.results.length === 1 ? "" : "s"}`];
  parts.push(`${r.scanned} ${r.git?.mode === "history" ? "blobs " : ""}scanned`);
  if (r.skipped.length) {
    const by = /* @__PURE__ */ new Map();
    for (const s of r.skipped) {
      const what = SKIP_SUMMARY[s.reason] ?? s.reason;
      by.set(what, (by.get(what) ?? 0) + 1);
    }
    parts.push(`${r.skipped.length} skipped (${[...by].map(([what, n2]) => `${n2} ${what}`).join(", ")})`);
  }
  if (r.errors.length) parts.push(`${r.errors.length} unreadable`);
  return parts.join(", ");
}
function describeHistory(h) {
  const still = h.inHead ? "still in HEAD" : "removed since, still in history";
  if (!h.introduced) return `blob ${h.blob.slice(0, 12)}, ${still}`;
  const { commit, date, author } = h.introduced;
  return `added in ${commit.slice(0, 10)} on ${date.slice(0, 10)} by ${quotePath(author)}, ${still}`;
}
function formatJson(r) {
  const findings = r.results.flatMap(
    (res) => res.findings.map((f) => ({
      file: res.file,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      kind: f.kind,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      match: f.match,
      data: f.data,
      ...res.history && {
        blob: res.history.blob,
        commit: res.history.introduced?.commit ?? null,
        date: res.history.introduced?.date ?? null,
        author: res.history.introduced?.author ?? null,
        inHead: res.history.inHead
      }
    }))
  );
  return JSON.stringify(
    {
      version: 1,
      summary: {
        findings: findings.length,
        scanned: r.scanned,
        skipped: r.skipped,
        errors: r.errors,
        ...r.baseline && { baseline: r.baseline }
      },
      ...r.git && { git: r.git },
      findings
    },
    null,
    2
  );
}

// src/scan/parallel.ts
var import_node_os = require("node:os");
var import_node_worker_threads = require("node:worker_threads");
var PARALLEL_MIN_FILES = 200;
function workerCount(files) {
  const env = Number(process.env.PHQ_SCAN_WORKERS);
  if (process.env.PHQ_SCAN_WORKERS && Number.isInteger(env) && env >= 0) return Math.min(env, 8);
  const cores = (0, import_node_os.availableParallelism)();
  return files >= PARALLEL_MIN_FILES && cores >= 4 ? Math.min(cores - 1, 3) : 0;
}
function isScanWorker() {
  return !import_node_worker_threads.isMainThread && import_node_worker_threads.workerData?.kind === "phq-scan-worker";
}
function drain(files, counter, req, one) {
  const out2 = [];
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1))
    out2.push([i, one(files[i], req)]);
  return out2;
}
function runAsWorker(one) {
  const input = import_node_worker_threads.workerData;
  import_node_worker_threads.parentPort.postMessage(drain(input.files, new Int32Array(input.counter), input.req, one));
}
async function scanAll(files, req, one, script) {
  const counter = new SharedArrayBuffer(4);
  const workers = [];
  const extra = workerCount(files.length);
  for (let w = 0; w < extra; w++) {
    const input = { kind: "phq-scan-worker", files, req, counter };
    workers.push(
      new Promise((resolve, reject) => {
        const worker = new import_node_worker_threads.Worker(script, {
          workerData: input,
          argv: ["scan"],
          stdout: true,
          stderr: true,
          // A small young generation: each file becomes a short-lived string.
          resourceLimits: { maxYoungGenerationSizeMb: 4 }
        });
        worker.once("message", (m) => resolve(m));
        worker.once("error", reject);
        worker.once("exit", () => resolve([]));
      })
    );
  }
  const results = new Array(files.length);
  for (const [i, r] of drain(files, new Int32Array(counter), req, one)) results[i] = r;
  for (const part of await Promise.all(workers)) for (const [i, r] of part) results[i] = r;
  return results;
}

// src/scan/run.ts
init_src3();

// src/scan/path-filter.ts
var import_node_path = __toESM(require("node:path"));
init_src3();
function pathFilterFor(req) {
  const flags = createPathFilter(req.ignore);
  const skip2 = new Set(req.skip ?? []);
  const globs = req.configIgnore?.globs ?? [];
  if (skip2.size === 0 && globs.length === 0) return flags;
  const dir = req.configIgnore?.dir ?? req.root;
  const config = createPathFilter(globs);
  return {
    ignores(rel) {
      if (flags.ignores(rel)) return true;
      const abs = import_node_path.default.resolve(req.root, rel);
      if (skip2.has(abs)) return true;
      const fromConfig = import_node_path.default.relative(dir, abs).split(import_node_path.default.sep).join("/");
      return globs.length > 0 && config.ignores(rel.endsWith("/") ? fromConfig + "/" : fromConfig);
    }
  };
}

// src/scan/judge.ts
init_src3();

// ../files/src/decode.ts
var import_node_buffer = require("node:buffer");
var SNIFF = 8e3;
function decodeBytes(data) {
  if (data.length >= 2 && (data[0] === 255 && data[1] === 254 || data[0] === 254 && data[1] === 255)) {
    const body = Buffer.from(data.subarray(2, 2 + (data.length - 2 & ~1)));
    if (data[0] === 254) body.swap16();
    return { text: body.toString("utf16le") };
  }
  if (data.subarray(0, SNIFF).indexOf(0) >= 0) return { skipped: "binary" };
  if ((0, import_node_buffer.isAscii)(data)) return { text: data.toString("latin1") };
  const text = data.toString("utf8");
  return { text: text.charCodeAt(0) === 65279 ? text.slice(1) : text };
}

// ../files/src/ignoreRules.ts
var import_node_fs = require("node:fs");
var import_node_path2 = __toESM(require("node:path"));
var import_ignore2 = __toESM(require_ignore());
function readRules(file) {
  try {
    if (!(0, import_node_fs.statSync)(file).isFile()) return null;
    const text = (0, import_node_fs.readFileSync)(file, "utf8");
    return text.trim() === "" ? null : (0, import_ignore2.default)().add(text);
  } catch {
    return null;
  }
}
var IgnoreRules = class {
  constructor(options = {}) {
    this.options = options;
  }
  options;
  /** Folder -> its parsed .gitignore (null: none). */
  rules = /* @__PURE__ */ new Map();
  /** Folder -> the repository root above it (null: none). */
  roots = /* @__PURE__ */ new Map();
  /** Repository root -> its parsed .git/info/exclude. */
  excludes = /* @__PURE__ */ new Map();
  loadedAt = Date.now();
  /** The nearest folder at or above `dir` holding a `.git` (folder or file, as in a worktree). */
  repoRoot(dir) {
    this.expire();
    const seen = [];
    let found = null;
    for (let d = import_node_path2.default.resolve(dir); ; ) {
      const hit = this.roots.get(d);
      if (hit !== void 0) {
        found = hit;
        break;
      }
      seen.push(d);
      if (exists(import_node_path2.default.join(d, ".git"))) {
        found = d;
        break;
      }
      const up = import_node_path2.default.dirname(d);
      if (up === d) break;
      d = up;
    }
    for (const d of seen) this.roots.set(d, found);
    return found ?? void 0;
  }
  /** The parsed .gitignore of one folder, read once. */
  folderRules(dir) {
    let r = this.rules.get(dir);
    if (r === void 0) this.rules.set(dir, r = readRules(import_node_path2.default.join(dir, ".gitignore")));
    return r;
  }
  excludeRules(root) {
    let r = this.excludes.get(root);
    if (r === void 0) this.excludes.set(root, r = readRules(import_node_path2.default.join(root, ".git", "info", "exclude")));
    return r;
  }
  /**
   * Whether the rules ignore `abs` itself (not looking at its folders: a caller walking down
   * has already passed them). `base` is where rules start: the repository root, or a folder
   * outside any repository.
   */
  decides(base, abs, isDir) {
    this.expire();
    const parts = import_node_path2.default.relative(base, abs).split(import_node_path2.default.sep);
    if (parts.length === 0 || parts[0] === "" || parts[0] === "..") return false;
    const slash = isDir ? "/" : "";
    let ignored = false;
    const exclude = this.excludeRules(base);
    if (exclude?.ignores(parts.join("/") + slash)) ignored = true;
    let dir = base;
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) dir = import_node_path2.default.join(dir, parts[i - 1]);
      const ig = this.folderRules(dir);
      if (!ig) continue;
      const t = ig.test(parts.slice(i).join("/") + slash);
      if (t.ignored) ignored = true;
      else if (t.unignored) ignored = false;
    }
    return ignored;
  }
  /** Whether a .gitignore (or .git/info/exclude) ignores `file`: from the repository root down, or from the file's folder outside one. */
  ignored(file) {
    const abs = import_node_path2.default.resolve(file);
    const base = this.repoRoot(import_node_path2.default.dirname(abs)) ?? import_node_path2.default.dirname(abs);
    const parts = import_node_path2.default.relative(base, abs).split(import_node_path2.default.sep);
    let at = base;
    for (let i = 0; i < parts.length - 1; i++) {
      at = import_node_path2.default.join(at, parts[i]);
      if (this.decides(base, at, true)) return true;
    }
    return this.decides(base, abs, false);
  }
  /** Would git commit this file: 'committed' (in a work tree, not ignored), 'ignored', or 'no-repository'. */
  status(file) {
    const abs = import_node_path2.default.resolve(file);
    if (!this.repoRoot(import_node_path2.default.dirname(abs))) return "no-repository";
    return this.ignored(abs) ? "ignored" : "committed";
  }
  /**
   * Something changed at `changed` (an ignore file, a .git, a folder): what was read there
   * is read again when next needed. With no argument, everything is.
   */
  invalidate(changed) {
    if (changed === void 0) {
      this.clear();
      return;
    }
    const abs = import_node_path2.default.resolve(changed);
    const name = import_node_path2.default.basename(abs);
    if (name === ".git" || abs.includes(`${import_node_path2.default.sep}.git${import_node_path2.default.sep}`)) {
      this.roots.clear();
      this.excludes.clear();
      return;
    }
    if (name === ".gitignore") {
      this.rules.delete(import_node_path2.default.dirname(abs));
      return;
    }
    const below = abs + import_node_path2.default.sep;
    for (const m of [this.rules, this.roots, this.excludes])
      for (const k2 of m.keys()) if (k2 === abs || k2.startsWith(below)) m.delete(k2);
  }
  clear() {
    this.rules.clear();
    this.roots.clear();
    this.excludes.clear();
    this.loadedAt = Date.now();
  }
  expire() {
    const max = this.options.maxAgeMs;
    if (max !== void 0 && Date.now() - this.loadedAt > max) this.clear();
  }
};
function exists(p) {
  try {
    (0, import_node_fs.statSync)(p);
    return true;
  } catch {
    return false;
  }
}

// ../files/src/read.ts
var import_node_fs2 = require("node:fs");
var shared = Buffer.allocUnsafeSlow(1 << 20);
function fill(fd, buf, got) {
  while (got < buf.length) {
    const n = (0, import_node_fs2.readSync)(fd, buf, got, buf.length - got, got);
    if (n === 0) break;
    got += n;
  }
  return got;
}
function readTextFileOrThrow(file, maxBytes) {
  const fd = (0, import_node_fs2.openSync)(file, "r");
  try {
    let buf = shared;
    let got = fill(fd, buf, 0);
    if (got === buf.length) {
      const size = (0, import_node_fs2.fstatSync)(fd).size;
      if (size > maxBytes) return { skipped: "too-large" };
      if (size > buf.length) {
        buf = Buffer.allocUnsafeSlow(size);
        shared.copy(buf, 0, 0, got);
        got = fill(fd, buf, got);
      }
    }
    if (got > maxBytes) return { skipped: "too-large" };
    return decodeBytes(buf.subarray(0, got));
  } finally {
    (0, import_node_fs2.closeSync)(fd);
  }
}

// src/scan/judge.ts
function judge(text, rel, req) {
  const base = rel.slice(rel.lastIndexOf("/") + 1);
  let language;
  let findings;
  if (isNotebookFile(base)) {
    language = "jupyter";
    try {
      findings = scanNotebook(text, { ...req.options, languageId: "json", fileName: rel });
    } catch (e) {
      if (e instanceof NotebookFormatError)
        return { language, findings: [], error: `not a Jupyter notebook: ${e.message}` };
      throw e;
    }
  } else {
    language = languageFromFileName(base) ?? "plaintext";
    findings = scan(text, { ...req.options, languageId: language, fileName: rel });
  }
  if (!req.endpoints) findings = findings.filter((x) => x.kind !== "endpoint");
  return { language, findings };
}
function judgeBlob(r, file, path10, req, report) {
  if (r.kind === "error") return void report.errors.push({ file, message: r.message });
  if (r.kind === "too-large") return void report.skipped.push({ file, reason: "too-large" });
  if (r.kind === "other") return void 0;
  const d = decodeBytes(r.data);
  if ("skipped" in d) return void report.skipped.push({ file, reason: d.skipped });
  report.scanned++;
  report.bytes += d.text.length;
  (report.judged ??= []).push(path10);
  const judged = judge(d.text, path10, req);
  if (judged.error) return void report.errors.push({ file, message: judged.error });
  return judged;
}

// src/scan/read.ts
function readText(abs, maxBytes) {
  return readTextFileOrThrow(fsPath(abs), maxBytes);
}

// src/scan/walk.ts
var import_node_fs3 = require("node:fs");
var import_node_path3 = __toESM(require("node:path"));
var import_ignore3 = __toESM(require_ignore());
function specialKind(st) {
  return st.isFIFO() ? "fifo" : st.isSocket() ? "socket" : "device";
}
var ALWAYS_SKIPPED = /* @__PURE__ */ new Set([".git", ".hg", ".svn"]);
function toRel(root, abs) {
  const r = import_node_path3.default.relative(root, abs).split(import_node_path3.default.sep).join("/");
  return r === "" ? "." : r;
}
function loadGitignore(dirAbs, base) {
  let text;
  try {
    text = (0, import_node_fs3.readFileSync)(fsPath(import_node_path3.default.join(dirAbs, ".gitignore")), "utf8");
  } catch {
    return null;
  }
  return { base, ig: (0, import_ignore3.default)().add(text) };
}
function ignoredByGit(stack, rel, isDir) {
  for (const r of stack) {
    const sub = r.base === "" ? rel : rel.startsWith(r.base + "/") ? rel.slice(r.base.length + 1) : null;
    if (sub !== null && sub !== "" && r.ig.ignores(isDir ? sub + "/" : sub)) return true;
  }
  return false;
}
function* walk(paths, o) {
  for (const p of paths) {
    const abs = import_node_path3.default.resolve(o.root, p);
    const st = (0, import_node_fs3.statSync)(abs);
    const rel = toRel(o.root, abs);
    if (st.isFile()) {
      if (!o.filter.ignores(rel)) yield { abs, rel };
      continue;
    }
    if (!st.isDirectory()) {
      o.onSkip(rel, specialKind(st));
      continue;
    }
    const stack = [];
    if (o.gitignore && !rel.startsWith("..")) {
      const parts = rel === "." ? [] : rel.split("/");
      for (let i = 0; i < parts.length; i++) {
        const base = parts.slice(0, i).join("/");
        const r = loadGitignore(import_node_path3.default.join(o.root, base), base);
        if (r) stack.push(r);
      }
    }
    yield* walkDir(abs, rel === "." ? "" : rel, stack, o);
  }
}
function readEntries(dirAbs) {
  const entries = (0, import_node_fs3.readdirSync)(fsPath(dirAbs), { withFileTypes: true });
  if (!entries.some((e) => e.name.includes("\uFFFD"))) return entries;
  return (0, import_node_fs3.readdirSync)(fsPath(dirAbs), { withFileTypes: true, encoding: "buffer" }).map((e) => ({
    name: decodeName(e.name),
    isDirectory: () => e.isDirectory(),
    isFile: () => e.isFile()
  }));
}
function* walkDir(dirAbs, dirRel, stack, o) {
  const own = o.gitignore ? loadGitignore(dirAbs, dirRel) : null;
  if (own) stack.push(own);
  let entries;
  try {
    entries = readEntries(dirAbs);
  } catch (e) {
    o.onError(dirRel || ".", e);
    if (own) stack.pop();
    return;
  }
  entries.sort((a, b2) => a.name < b2.name ? -1 : a.name > b2.name ? 1 : 0);
  for (const e of entries) {
    if (ALWAYS_SKIPPED.has(e.name)) continue;
    const rel = dirRel === "" ? e.name : `${dirRel}/${e.name}`;
    const isDir = e.isDirectory();
    if (!isDir && !e.isFile()) continue;
    if (o.gitignore && ignoredByGit(stack, rel, isDir)) continue;
    if (o.filter.ignores(isDir ? rel + "/" : rel)) continue;
    const abs = import_node_path3.default.join(dirAbs, e.name);
    if (isDir) yield* walkDir(abs, rel, stack, o);
    else yield { abs, rel };
  }
  if (own) stack.pop();
}

// src/scan/run.ts
var NOTEBOOK_SIZE_FACTOR = 8;
function errorMessage(e) {
  const code2 = e.code;
  return typeof code2 === "string" ? code2 : e instanceof Error ? e.message : String(e);
}
function scanFile(f, req) {
  let read;
  try {
    read = readText(f.abs, isNotebookFile(f.abs) ? req.maxBytes * NOTEBOOK_SIZE_FACTOR : req.maxBytes);
  } catch (e) {
    return { kind: "error", message: errorMessage(e) };
  }
  if ("skipped" in read) return { kind: "skipped", reason: read.skipped };
  const { language, findings, error } = judge(read.text, f.rel, req);
  if (error) return { kind: "error", message: error };
  return { kind: "scanned", bytes: read.text.length, findings, language };
}
async function runScan(req, script) {
  const report = { root: req.root, results: [], scanned: 0, bytes: 0, skipped: [], errors: [] };
  const files = [
    ...walk(req.paths, {
      gitignore: req.gitignore,
      filter: pathFilterFor(req),
      root: req.root,
      onError: (file, e) => report.errors.push({ file, message: errorMessage(e) }),
      onSkip: (file, reason) => report.skipped.push({ file, reason })
    })
  ];
  const outcomes = await scanAll(files, req, scanFile, script);
  outcomes.forEach((o, i) => {
    const file = files[i].rel;
    if (o.kind === "error") report.errors.push({ file, message: o.message });
    else if (o.kind === "skipped") report.skipped.push({ file, reason: o.reason });
    else {
      report.scanned++;
      report.bytes += o.bytes;
      (report.judged ??= []).push(file);
      if (o.findings.length > 0) report.results.push({ file, language: o.language, findings: o.findings });
    }
  });
  return report;
}

// src/commands/scan-git.ts
var import_node_fs5 = require("node:fs");
var import_node_url2 = require("node:url");

// src/scan/git.ts
var import_node_child_process = require("node:child_process");
var GitError = class extends Error {
  name = "GitError";
};
function git(cwd, args, input) {
  return new Promise((resolve, reject) => {
    const child = (0, import_node_child_process.spawn)("git", args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const out2 = [];
    let err = "";
    child.stdout.on("data", (d) => out2.push(d));
    child.stderr.on("data", (d) => err += d.toString());
    child.on("error", (e) => reject(new GitError(`cannot run git: ${e.message}`)));
    child.on("close", (code2) => {
      if (code2 === 0) resolve(Buffer.concat(out2));
      else reject(new GitError(err.trim() || `git ${args[0]} exited with ${code2}`));
    });
    child.stdin.on("error", () => void 0);
    child.stdin.end(input ?? "");
  });
}
function splitZ(b2) {
  const parts = [];
  for (let at = 0; at < b2.length; ) {
    const nul = b2.indexOf(0, at);
    const end = nul < 0 ? b2.length : nul;
    parts.push(decodeName(b2.subarray(at, end)));
    at = end + 1;
  }
  return parts;
}
async function requireRepo(cwd) {
  let out2;
  try {
    out2 = (await git(cwd, ["rev-parse", "--is-shallow-repository", "--is-bare-repository"])).toString();
  } catch (e) {
    throw notARepo(cwd, e);
  }
  const [shallow, bare] = out2.split("\n");
  return { shallow: shallow === "true", bare: bare === "true" };
}
function notARepo(cwd, e) {
  const why = e instanceof GitError && /not a git repository/i.test(e.message) ? "" : ` (${e.message})`;
  return new CliError(`Not a git repository: ${cwd}${why}. --staged, --since and --history need one.`, ExitCode.usage);
}
async function resolveCommit(cwd, rev) {
  try {
    return (await git(cwd, ["rev-parse", "--verify", "--end-of-options", `${rev}^{commit}`])).toString().trim();
  } catch {
    throw new CliError(`Unknown revision "${rev}" (not a commit in this repository).`, ExitCode.usage);
  }
}
async function catObjects(cwd, oids, maxBytes, onObject) {
  let from = 0;
  while (from < oids.length) {
    const { done, stderr } = await catFrom(cwd, oids, from, maxBytes, onObject);
    if (done >= oids.length) return;
    const lastLine = stderr.trim().split("\n").filter(Boolean).at(-1) ?? "git cat-file failed";
    onObject(done, { kind: "error", message: lastLine.replace(/^(fatal|error): /, "") });
    from = done + 1;
  }
}
function catFrom(cwd, oids, from, maxBytes, onObject) {
  return new Promise((resolve, reject) => {
    const child = (0, import_node_child_process.spawn)("git", ["cat-file", "--batch", "--buffer"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let next = from;
    let stderr = "";
    let header = Buffer.alloc(0);
    let body = null;
    let trailer = false;
    const finishBody = () => {
      const b2 = body;
      onObject(
        next,
        !b2.blob ? { kind: "other" } : b2.data ? { kind: "blob", data: b2.data } : { kind: "too-large", size: b2.size }
      );
      body = null;
      trailer = true;
      next++;
    };
    child.stdout.on("data", (chunk) => {
      let at = 0;
      while (at < chunk.length) {
        if (trailer) {
          at++;
          trailer = false;
          continue;
        }
        if (body) {
          const take = Math.min(body.size - body.got, chunk.length - at);
          if (body.data) chunk.copy(body.data, body.got, at, at + take);
          body.got += take;
          at += take;
          if (body.got === body.size) finishBody();
          continue;
        }
        const nl = chunk.indexOf(10, at);
        if (nl < 0) {
          header = Buffer.concat([header, chunk.subarray(at)]);
          return;
        }
        const line = Buffer.concat([header, chunk.subarray(at, nl)]).toString("latin1");
        header = Buffer.alloc(0);
        at = nl + 1;
        const [, type, sizeText] = line.split(" ");
        if (sizeText === void 0) {
          onObject(next++, { kind: "error", message: `object ${type ?? "unreadable"}` });
          continue;
        }
        const size = Number(sizeText);
        const blob = type === "blob";
        body = { size, got: 0, data: blob && size <= maxBytes ? Buffer.allocUnsafe(size) : null, blob };
        if (size === 0) finishBody();
      }
    });
    child.stderr.on("data", (d) => stderr += d.toString());
    child.on("error", (e) => reject(new GitError(`cannot run git: ${e.message}`)));
    child.on("close", () => resolve({ done: next, stderr }));
    child.stdin.on("error", () => void 0);
    const SLICE = 4096;
    let i = from;
    const pump = () => {
      while (i < oids.length) {
        const part = oids.slice(i, i + SLICE).join("\n") + "\n";
        i += SLICE;
        if (!child.stdin.write(part)) {
          child.stdin.once("drain", pump);
          return;
        }
      }
      child.stdin.end();
    };
    pump();
  });
}

// src/scan/history.ts
var OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
async function listBlobs(cwd, revisions) {
  const out2 = (await git(cwd, ["rev-list", "--objects", "--filter=object:type=blob", ...revisions, "--"])).toString(
    "utf8"
  );
  const blobs = [];
  for (const line of out2.split("\n")) {
    const sp = line.indexOf(" ");
    const head = sp < 0 ? line : line.slice(0, sp);
    if (OID.test(head)) {
      if (sp >= 0) blobs.push({ oid: head, path: line.slice(sp + 1) });
    } else if (blobs.length > 0 && line !== "") blobs.at(-1).path += "\n" + line;
  }
  return blobs;
}
async function introductions(cwd, revisions, wanted) {
  const found = /* @__PURE__ */ new Map();
  let seq = 0;
  if (wanted.size === 0) return found;
  const out2 = await git(cwd, [
    "log",
    "--reverse",
    "--date-order",
    "--no-renames",
    "--diff-merges=first-parent",
    "--raw",
    "-z",
    "--no-abbrev",
    "--format=%x01%H%x00%aI%x00%an%x00",
    ...revisions,
    "--"
  ]);
  let at = 0;
  while (at < out2.length) {
    const next = out2.indexOf(1, at + 1);
    const rec2 = out2.subarray(at + 1, next < 0 ? out2.length : next);
    at = next < 0 ? out2.length : next;
    const parts = splitZ(rec2);
    const [commit, date, author] = parts;
    if (commit === void 0) continue;
    seq++;
    for (let i = 3; i + 1 < parts.length; ) {
      const meta = parts[i].replace(/^\n+/, "");
      if (meta === "") {
        i++;
        continue;
      }
      if (!meta.startsWith(":")) break;
      const oid = meta.split(" ")[3];
      const path10 = parts[i + 1];
      if (wanted.has(oid)) {
        let paths = found.get(oid);
        if (!paths) found.set(oid, paths = /* @__PURE__ */ new Map());
        if (!paths.has(path10))
          paths.set(path10, { introduced: { commit, date, author, path: path10 }, seq });
      }
      i += 2;
    }
  }
  return found;
}
async function headBlobs(cwd) {
  try {
    const out2 = await git(cwd, ["ls-tree", "-r", "-z", "--full-tree", "HEAD"]);
    const byPath = /* @__PURE__ */ new Map();
    for (const e of splitZ(out2)) {
      const tab = e.indexOf("	");
      const meta = e.slice(0, tab).split(" ");
      if (meta[1] === "blob") byPath.set(e.slice(tab + 1), meta[2]);
    }
    return byPath;
  } catch {
    return /* @__PURE__ */ new Map();
  }
}
var sameness = (f) => `${f.ruleId}\0${f.data.fingerprint ?? f.match}`;
async function scanHistory(cwd, req, revisions) {
  const report = { root: cwd, results: [], scanned: 0, bytes: 0, skipped: [], errors: [] };
  const filter = pathFilterFor(req);
  const blobs = (await listBlobs(cwd, revisions)).filter((b2) => !filter.ignores(b2.path));
  const judged = [];
  await catObjects(
    cwd,
    blobs.map((b2) => b2.oid),
    req.maxBytes,
    (i, r) => {
      const { oid, path: path10 } = blobs[i];
      const file = `${path10} (blob ${oid.slice(0, 12)})`;
      const j = judgeBlob(r, file, path10, req, report);
      if (j && j.findings.length > 0) judged.push({ oid, path: path10, language: j.language, findings: j.findings });
    }
  );
  if (judged.length === 0) return { report, blobs: blobs.length };
  const [intro, head] = await Promise.all([
    introductions(cwd, revisions, new Set(judged.map((j) => j.oid))),
    headBlobs(cwd)
  ]);
  const findingsOf = new Map(judged.map((j) => [j.oid, new Set(j.findings.map(sameness))]));
  const stillAt = (path10, f) => {
    const oid = head.get(path10);
    return oid !== void 0 && (findingsOf.get(oid)?.has(sameness(f)) ?? false);
  };
  const best = /* @__PURE__ */ new Map();
  for (const j of judged) {
    const arrivals = [...intro.get(j.oid) ?? /* @__PURE__ */ new Map()];
    if (arrivals.length === 0) arrivals.push([j.path, void 0]);
    for (const [file, arrival] of arrivals) {
      const seq = arrival?.seq ?? Number.MAX_SAFE_INTEGER;
      const nth = /* @__PURE__ */ new Map();
      for (const f of j.findings) {
        const s = sameness(f);
        const n = (nth.get(s) ?? 0) + 1;
        nth.set(s, n);
        const key2 = `${file}\0${s}\0${n}`;
        const prev = best.get(key2);
        if (!prev || seq < prev.seq)
          best.set(key2, { seq, finding: f, oid: j.oid, file, language: j.language, arrival });
      }
    }
  }
  const owners = /* @__PURE__ */ new Map();
  for (const b2 of best.values()) {
    const still = stillAt(b2.file, b2.finding);
    const key2 = `${b2.oid}\0${b2.file}\0${still}`;
    let o = owners.get(key2);
    if (!o) {
      const introduced = b2.arrival?.introduced;
      o = {
        file: b2.file,
        language: b2.language,
        findings: [],
        seq: b2.seq,
        history: { blob: b2.oid, introduced, inHead: still }
      };
      owners.set(key2, o);
    }
    o.findings.push(b2.finding);
  }
  report.results = [...owners.values()].sort((a, b2) => a.seq - b2.seq || a.file.localeCompare(b2.file)).map(({ seq: _seq, ...o }) => {
    o.findings.sort(
      (x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character
    );
    return o;
  });
  return { report, blobs: blobs.length };
}

// src/scan/since.ts
var import_node_fs4 = require("node:fs");
var import_node_path4 = __toESM(require("node:path"));
function splitRaw(b2) {
  const out2 = [];
  let at = 0;
  for (let nul = b2.indexOf(0, at); nul >= 0; nul = b2.indexOf(0, at)) {
    out2.push(b2.subarray(at, nul));
    at = nul + 1;
  }
  return out2;
}
async function scanSince(cwd, req, commit, pathspecs) {
  const report = { root: cwd, results: [], scanned: 0, bytes: 0, skipped: [], errors: [] };
  const changed = await git(cwd, [
    "diff",
    "--name-only",
    "-z",
    "--no-renames",
    "--relative",
    "--diff-filter=ACMT",
    commit,
    "--",
    ...pathspecs
  ]);
  const untracked = await git(cwd, ["ls-files", "--others", "--exclude-standard", "-z", "--", ...pathspecs]);
  const seen = /* @__PURE__ */ new Set();
  const filter = pathFilterFor(req);
  for (const raw of [...splitRaw(changed), ...splitRaw(untracked)]) {
    const key2 = raw.toString("latin1");
    if (seen.has(key2)) continue;
    seen.add(key2);
    const file = decodeName(raw);
    if (filter.ignores(file)) continue;
    const abs = Buffer.concat([Buffer.from(cwd + import_node_path4.default.sep), raw]);
    try {
      const st = (0, import_node_fs4.statSync)(abs);
      if (st.isDirectory()) {
        report.skipped.push({ file, reason: "submodule" });
        continue;
      }
      if (!st.isFile()) continue;
      if (st.size > req.maxBytes) {
        report.skipped.push({ file, reason: "too-large" });
        continue;
      }
      const d = decodeBytes((0, import_node_fs4.readFileSync)(abs));
      if ("skipped" in d) {
        report.skipped.push({ file, reason: d.skipped });
        continue;
      }
      report.scanned++;
      report.bytes += d.text.length;
      const { language, findings, error } = judge(d.text, file, req);
      if (error) report.errors.push({ file, message: error });
      else if (findings.length > 0) report.results.push({ file, language, findings });
    } catch (e) {
      const code2 = e.code;
      report.errors.push({ file, message: typeof code2 === "string" ? code2 : String(e) });
    }
  }
  return report;
}

// src/scan/staged.ts
var SPECIAL_MODES = { "160000": "submodule", "120000": "symlink" };
async function stagedEntries(cwd, pathspecs) {
  const out2 = await git(cwd, [
    "diff",
    "--cached",
    "--raw",
    "-z",
    "--no-abbrev",
    "--no-renames",
    "--relative",
    "--diff-filter=ACMT",
    "--",
    ...pathspecs
  ]);
  const parts = splitZ(out2);
  const entries = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const meta = parts[i].replace(/^\n/, "").split(" ");
    entries.push({ mode: meta[1], oid: meta[3], path: parts[i + 1] });
  }
  return entries;
}
async function isBare(cwd) {
  return (await git(cwd, ["rev-parse", "--is-bare-repository"])).toString().trim() === "true";
}
async function scanStaged(cwd, req, pathspecs) {
  const report = { root: cwd, results: [], scanned: 0, bytes: 0, skipped: [], errors: [] };
  const entries = [];
  const filter = pathFilterFor(req);
  const staged = await stagedEntries(cwd, pathspecs);
  if (staged.length === 0 && await isBare(cwd))
    throw new UsageError("--staged needs a working tree (this repository is bare).");
  for (const e of staged) {
    if (filter.ignores(e.path)) continue;
    const special = SPECIAL_MODES[e.mode];
    if (special) report.skipped.push({ file: e.path, reason: special });
    else entries.push(e);
  }
  await catObjects(
    cwd,
    entries.map((e) => e.oid),
    req.maxBytes,
    (i, r) => {
      const file = entries[i].path;
      const j = judgeBlob(r, file, file, req, report);
      if (j && j.findings.length > 0) report.results.push({ file, language: j.language, findings: j.findings });
    }
  );
  return report;
}

// src/commands/scan-git.ts
var FINGERPRINT = /^sha256:[0-9a-f]{64}$/;
function readKnownTokens(file) {
  let list;
  try {
    list = JSON.parse((0, import_node_fs5.readFileSync)(file, "utf8"));
  } catch (e) {
    throw new UsageError(`--known-tokens: cannot read ${file}: ${e.message}`);
  }
  if (!Array.isArray(list)) throw new UsageError("--known-tokens: expected a JSON array of {id, name, fingerprint}.");
  const map = /* @__PURE__ */ new Map();
  for (const t of list) {
    const r = typeof t === "object" && t !== null ? t : {};
    if (typeof r.fingerprint !== "string" || !FINGERPRINT.test(r.fingerprint) || typeof r.name !== "string")
      throw new UsageError('--known-tokens: each entry needs a "name" and a "fingerprint" (sha256:<64 hex>).');
    map.set(r.fingerprint, { id: typeof r.id === "string" ? r.id : r.fingerprint.slice(7, 19), name: r.name });
  }
  return map;
}
async function optional(cwd, args) {
  try {
    return (await git(cwd, args)).toString().trim() || void 0;
  } catch {
    return void 0;
  }
}
async function provenance(cwd) {
  const [head, branch, remote, top] = await Promise.all([
    optional(cwd, ["rev-parse", "--verify", "-q", "HEAD"]),
    optional(cwd, ["symbolic-ref", "--short", "-q", "HEAD"]),
    optional(cwd, ["remote", "get-url", "origin"]),
    optional(cwd, ["rev-parse", "--show-toplevel"])
  ]);
  const url = remote && /^[a-z][a-z0-9+.-]*:\/\//i.test(remote) ? remote : top ? (0, import_node_url2.pathToFileURL)(top + "/").href : void 0;
  return { head, branch, remote: url };
}
async function runGitScan(mode, req, pathspecs, sarif) {
  const cwd = req.root;
  if (mode.staged) {
    let report2;
    try {
      report2 = await scanStaged(cwd, req, pathspecs);
    } catch (e) {
      if (e instanceof GitError && /must be run in a work tree/.test(e.message))
        throw new UsageError("--staged needs a working tree (this repository is bare).");
      if (e instanceof GitError) throw notARepo(cwd, e);
      throw e;
    }
    report2.git = sarif ? { mode: "staged", ...await provenance(cwd) } : { mode: "staged" };
    return report2;
  }
  const repo = await requireRepo(cwd);
  let report;
  let gitInfo;
  if (mode.history !== void 0) {
    const revisions = typeof mode.history === "string" ? [mode.history] : mode.since !== void 0 ? ["--all", `^${await resolveCommit(cwd, mode.since)}`] : ["--all"];
    if (typeof mode.history === "string") await checkRange(cwd, mode.history);
    if (repo.shallow)
      info("warning: shallow clone: history before its oldest commit is not scanned (git fetch --unshallow).");
    const r = await scanHistory(cwd, req, revisions);
    report = r.report;
    gitInfo = { mode: "history", shallow: repo.shallow, revisions, blobs: r.blobs };
  } else {
    if (repo.bare) throw new UsageError("--since needs a working tree (this repository is bare).");
    report = await scanSince(cwd, req, await resolveCommit(cwd, mode.since), pathspecs);
    gitInfo = { mode: "since", shallow: repo.shallow };
  }
  report.git = sarif ? { ...gitInfo, ...await provenance(cwd) } : gitInfo;
  return report;
}
async function checkRange(cwd, range) {
  if (range.startsWith("-")) throw new UsageError(`--history: "${range}" is not a revision range.`);
  for (const rev of range.split(/\.\.\.?/).filter(Boolean)) await resolveCommit(cwd, rev);
}

// src/scan/severity.ts
var SEVERITIES = ["error", "warning", "info", "hint"];
var RANK = { error: 3, warning: 2, info: 1, hint: 0 };
function isFailOn(v) {
  return v === "none" || SEVERITIES.includes(v);
}
function fails(f, failOn) {
  return failOn !== "none" && RANK[f.severity] >= RANK[failOn];
}

// src/scan/baseline.ts
var import_node_fs8 = require("node:fs");
var import_node_path7 = __toESM(require("node:path"));

// src/scan/config-lib.ts
var loaded;
function configLib() {
  loaded ??= (init_src4(), __toCommonJS(src_exports));
  return loaded;
}

// src/scan/baseline.ts
function projectPath(report, projectRoot, file) {
  return import_node_path7.default.relative(projectRoot, import_node_path7.default.resolve(report.root, file)).split(import_node_path7.default.sep).join("/");
}
function load(file) {
  if (!(0, import_node_fs8.existsSync)(file))
    throw new UsageError(
      `the baseline ${quotePath(file)} does not exist: write it with --write-baseline, or scan with --no-baseline.`
    );
  const { readBaseline: readBaseline2, ConfigFileError: ConfigFileError2 } = configLib();
  try {
    return readBaseline2(file);
  } catch (e) {
    if (e instanceof ConfigFileError2) throw new UsageError(`invalid baseline:
${e.message}`);
    throw e;
  }
}
function writeBaseline(report, file, projectRoot) {
  const { readBaseline: readBaseline2, newSalt: newSalt2, entryFor: entryFor2, formatBaseline: formatBaseline2 } = configLib();
  let salt = newSalt2();
  if ((0, import_node_fs8.existsSync)(file)) {
    try {
      salt = readBaseline2(file).salt;
    } catch {
    }
  }
  const entries = report.results.flatMap(
    (r) => r.findings.map((f) => entryFor2(f, projectPath(report, projectRoot, r.file), salt))
  );
  const text = formatBaseline2({ salt, entries });
  (0, import_node_fs8.writeFileSync)(file, text);
  return JSON.parse(text).entries.length;
}
function applyBaseline(report, file, projectRoot, walked) {
  const matcher = new (configLib()).BaselineMatcher(load(file));
  let known = 0;
  for (const r of report.results) {
    const p = projectPath(report, projectRoot, r.file);
    r.findings = r.findings.filter((f) => !(matcher.has(f, p) && ++known));
  }
  report.results = report.results.filter((r) => r.findings.length > 0);
  const judged = new Set((report.judged ?? []).map((f) => projectPath(report, projectRoot, f)));
  const under = (walked ?? []).map((w) => import_node_path7.default.resolve(report.root, w));
  const inScope = (e) => {
    if (judged.has(e.path)) return true;
    const abs = import_node_path7.default.resolve(projectRoot, e.path);
    return under.some((u) => abs === u || abs.startsWith(u + import_node_path7.default.sep)) && !(0, import_node_fs8.existsSync)(abs);
  };
  report.baseline = { file, known, stale: matcher.unmatched(inScope) };
}
function baselineLines(report) {
  const b2 = report.baseline;
  if (!b2) return [];
  const lines = [`baseline: ${b2.known} known finding${b2.known === 1 ? "" : "s"} passed over`];
  if (b2.stale.length > 0) {
    lines.push(
      `baseline: ${b2.stale.length} entr${b2.stale.length === 1 ? "y no longer occurs" : "ies no longer occur"} (rewrite it with --write-baseline):`
    );
    for (const e of b2.stale)
      lines.push(`  ${quotePath(e.path)}  ${e.rule}  ${e.text.startsWith("hmac:") ? "a token" : quotePath(e.text)}`);
  }
  return lines;
}

// src/scan/policy.ts
var import_node_fs9 = require("node:fs");
var import_node_path8 = __toESM(require("node:path"));
init_find();
init_src3();
function startDir(cwd, paths, gitMode) {
  if (gitMode || paths.length !== 1) return cwd;
  const p = import_node_path8.default.resolve(cwd, paths[0]);
  try {
    return (0, import_node_fs9.statSync)(p).isDirectory() ? p : import_node_path8.default.dirname(p);
  } catch {
    return cwd;
  }
}
function load2(file) {
  const { readRepoConfig: readRepoConfig2, ConfigFileError: ConfigFileError2 } = configLib();
  try {
    return readRepoConfig2(file);
  } catch (e) {
    if (e instanceof ConfigFileError2) throw new UsageError(`invalid repository config file:
${e.message}`);
    throw e;
  }
}
function resolvePolicy(flags, cwd, paths, gitMode) {
  let config;
  if (typeof flags.config === "string") config = load2(import_node_path8.default.resolve(cwd, flags.config));
  else if (flags.config !== false) {
    const found = findRepoConfig(startDir(cwd, paths, gitMode));
    if (found) config = load2(found);
  }
  const baselineFile = flags.baseline === false ? void 0 : typeof flags.baseline === "string" ? import_node_path8.default.resolve(cwd, flags.baseline) : config?.baselineFile;
  return {
    config,
    failOn: flags.failOn ?? config?.failOn ?? "error",
    envVarName: flags.envVar ?? config?.envVarName ?? DEFAULT_ENV_VAR,
    markdownProse: flags.markdownProse || config?.markdownProse === true,
    extraPatterns: config?.extraPatterns ?? [],
    severities: { ...config?.severity },
    baselineFile,
    projectRoot: config?.dir ?? new IgnoreRules().repoRoot(cwd) ?? cwd
  };
}

// src/commands/options.ts
function rec(v) {
  return typeof v === "object" && v !== null ? v : {};
}
function str(opts, key2) {
  const v = rec(opts)[key2];
  return typeof v === "string" ? v : void 0;
}
function bool(opts, key2) {
  return rec(opts)[key2] === true;
}
function strList(opts, key2) {
  const v = rec(opts)[key2];
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : void 0;
}

// src/version.ts
var VERSION = version;

// src/commands/scan.ts
var FORMATS = ["human", "json", "sarif"];
var DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
var collect = (v, prev = []) => [...prev, v];
function action(fn) {
  return async (...args) => {
    try {
      await fn(...args);
    } catch (e) {
      info(describeError(e));
      process.exitCode = exitCodeFor(e);
    }
  };
}
function checkPaths(paths) {
  for (const p of paths) {
    try {
      (0, import_node_fs10.statSync)(p);
    } catch {
      throw new UsageError(`No such file or folder: ${quotePath(p)}`);
    }
  }
}
function gitModeOf(opts) {
  const staged = bool(opts, "staged");
  const since = str(opts, "since");
  const raw = opts.history;
  const history = raw === true ? true : typeof raw === "string" ? raw : void 0;
  if (staged && (since !== void 0 || history !== void 0))
    throw new UsageError("--staged cannot be combined with --since or --history.");
  if (typeof history === "string" && since !== void 0)
    throw new UsageError("--history with a range cannot be combined with --since.");
  if (!staged && since === void 0 && history === void 0) return void 0;
  return { staged, since, history };
}
function register(program2) {
  program2.command("scan").description("Find unfilled token placeholders and hardcoded tokens in files (exit 1 when found)").argument("[paths...]", "files or folders to scan", ["."]).option("--format <format>", `output format: ${FORMATS.join(", ")}`, "human").option("--fail-on <severity>", "exit 1 on findings at or above: error, warning, info, hint, none (default: error)").option("--ignore <glob>", "skip paths matching this gitignore-style glob (repeatable)", collect).option("--pattern <regex>", "also flag this placeholder spelling, a regular expression (repeatable)", collect).option("--env-var <name>", `environment variable suggested in messages (default: ${DEFAULT_ENV_VAR})`).option("--markdown-prose", "also judge Markdown prose, not only code blocks").option("--endpoints", "also list the PredictHQ API families each file calls").option("--no-gitignore", "do not honour .gitignore files").option("--max-file-size <bytes>", "skip files larger than this", String(DEFAULT_MAX_BYTES)).option("--staged", "judge what is staged for the next commit (the index, not the working tree)").option("--since <ref>", "judge the files changed since this commit (with --history: the commits since it)").option("--history [range]", "judge every blob in git history (all refs, or a range such as v1.0..main)").option("--known-tokens <file>", "JSON list of your tokens as {id, name, fingerprint} (no values)").option(
    "--config <file>",
    "the repository config file (default: the nearest .phq-tokens.json above the scanned path)"
  ).option("--no-config", "do not read a repository config file").option("--baseline <file>", `report only findings not in this baseline (default: the config file's "baseline")`).option("--no-baseline", "report every finding, even those in the baseline the config file names").option("--write-baseline <file>", "record every finding of this scan as known, in this file, and exit 0").action(
    action(async (paths, opts) => {
      if (isScanWorker()) return runAsWorker(scanFile);
      const list = Array.isArray(paths) && paths.length > 0 ? paths.map(String) : ["."];
      const format2 = str(opts, "format") ?? "human";
      if (!FORMATS.includes(format2)) throw new UsageError(`Unknown --format "${format2}".`);
      const failFlag = str(opts, "failOn");
      if (failFlag !== void 0 && !isFailOn(failFlag)) throw new UsageError(`Unknown --fail-on "${failFlag}".`);
      const envFlag = str(opts, "envVar");
      const maxBytes = Number(str(opts, "maxFileSize"));
      if (!Number.isFinite(maxBytes) || maxBytes <= 0)
        throw new UsageError("--max-file-size must be a positive number.");
      const patterns = strList(opts, "pattern") ?? [];
      for (const p of patterns) {
        const re = compilePattern(p);
        if (typeof re === "string") throw new UsageError(`Invalid --pattern "${p}": ${re}`);
      }
      const gitMode = gitModeOf(opts);
      const knownFile = str(opts, "knownTokens");
      const rawConfig = opts.config;
      const rawBaseline = opts.baseline;
      const writeTo = str(opts, "writeBaseline");
      if (writeTo !== void 0 && typeof rawBaseline === "string")
        throw new UsageError("--write-baseline cannot be combined with --baseline.");
      const policy = resolvePolicy(
        {
          config: rawConfig === false ? false : typeof rawConfig === "string" ? rawConfig : void 0,
          failOn: failFlag,
          envVar: envFlag,
          markdownProse: bool(opts, "markdownProse"),
          baseline: rawBaseline === false ? false : typeof rawBaseline === "string" ? rawBaseline : void 0
        },
        process.cwd(),
        list,
        gitMode !== void 0
      );
      const failOn = policy.failOn;
      const req = {
        paths: list,
        root: process.cwd(),
        gitignore: opts.gitignore !== false,
        ignore: strList(opts, "ignore") ?? [],
        ...policy.config?.ignore && { configIgnore: { dir: policy.config.dir, globs: policy.config.ignore } },
        skip: [
          policy.config?.file,
          policy.config?.baselineFile,
          policy.baselineFile,
          writeTo && import_node_path9.default.resolve(writeTo)
        ].filter((f) => typeof f === "string"),
        maxBytes,
        endpoints: bool(opts, "endpoints"),
        options: {
          extraPatterns: [...policy.extraPatterns, ...patterns],
          envVarName: policy.envVarName,
          markdownProse: policy.markdownProse,
          severities: policy.severities,
          ...knownFile !== void 0 && { knownFingerprints: readKnownTokens(knownFile) }
        }
      };
      if (!gitMode) checkPaths(list);
      const report = gitMode ? await runGitScan(gitMode, req, list, format2 === "sarif") : await runScan(req, __filename);
      if (writeTo !== void 0) {
        const n = writeBaseline(report, import_node_path9.default.resolve(writeTo), policy.projectRoot);
        info(`wrote ${n} baseline entr${n === 1 ? "y" : "ies"} to ${quotePath(writeTo)}`);
        if (report.errors.length > 0)
          throw new CliError(`${report.errors.length} path(s) could not be read.`, ExitCode.usage);
        return;
      }
      if (policy.baselineFile !== void 0)
        applyBaseline(report, policy.baselineFile, policy.projectRoot, gitMode ? void 0 : list);
      if (format2 === "json") out(formatJson(report));
      else if (format2 === "sarif") out(formatSarif(report, VERSION));
      else {
        const text = formatHuman(report);
        if (text) out(text);
      }
      for (const line of skippedLines(report)) info(line);
      for (const e of report.errors) info(`cannot read ${quotePath(e.file)}: ${e.message}`);
      if (format2 === "human") info(summaryLine(report));
      for (const line of baselineLines(report)) info(line);
      if (report.errors.length > 0)
        throw new CliError(`${report.errors.length} path(s) could not be read.`, ExitCode.usage);
      const failing = report.results.some((r) => r.findings.some((f) => fails(f, failOn)));
      process.exitCode = failing ? ExitCode.failed : ExitCode.ok;
    })
  );
}

// src/program.ts
function newProgram() {
  return new Command("phq-tokens").description("Manage PredictHQ API tokens and find unfilled placeholders and hardcoded tokens.").version(VERSION).showHelpAfterError().exitOverride();
}

// src/scan-program.ts
function buildScanProgram() {
  const program2 = newProgram();
  register(program2);
  return program2;
}

// src/scan-cli.ts
void runProgram(buildScanProgram());
