#!/usr/bin/env -S node --max-semi-space-size=4 --
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
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
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
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
    var path3 = require("node:path");
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
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
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
          const localBin = path3.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path3.extname(baseName))) return void 0;
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
          executableDir = path3.resolve(
            path3.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path3.basename(
              this._scriptPath,
              path3.extname(this._scriptPath)
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
        launchWithNode = sourceExt.includes(path3.extname(executableFile));
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
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
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
        this._name = path3.basename(filename, path3.extname(filename));
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
      executableDir(path4) {
        if (path4 === void 0) return this._executableDir;
        this._executableDir = path4;
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
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
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
    var basenameOf = (path3) => {
      const end = path3.length - 1;
      const index = path3.lastIndexOf(
        SLASH2,
        path3[end] === SLASH2 ? end - 1 : end
      );
      return index < 0 ? path3 : path3.slice(index + 1);
    };
    var parentOf = (path3) => {
      if (path3.charCodeAt(0) === SLASH_CODE || path3.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path3.split(SLASH2).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH2) + SLASH2 : EMPTY;
      }
      const end = path3.length - 1;
      const cut = path3.lastIndexOf(
        SLASH2,
        path3.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path3.slice(0, cut + 1);
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
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str2 = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str2, "i") : new RegExp(str2);
        return define(this, key, regex);
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
      testLiteral(path3) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH2 ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path3)) {
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
      test(path3, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename = shortcut ? basenameOf(path3) : path3;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename : path3
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
    var checkPath = (path3, originalPath, doThrow) => {
      if (!isString(path3)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path3) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path3)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path3) => {
      const first = path3.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path3.length === 1) {
        return true;
      }
      const second = path3.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path3.length === 2 || path3.charCodeAt(2) === SLASH_CODE;
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
      _test(originalPath, cache, path3) {
        checkPath(
          path3,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path3 ? this._t(path3, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path3 = convertPath(target);
        if (!path3 || path3.charCodeAt(path3.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path3);
        }
        const dir = this._t(path3, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path3);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path3, cache) {
        const cached = cache[path3];
        if (cached) {
          return cached;
        }
        const parentPath = parentOf(path3);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path3] = parent && parent.ignored ? parent : this._rules.test(path3, MODE_IGNORE);
      }
      ignores(path3) {
        return this._test(path3, this._ignoreCache, convertPath(path3)).ignored;
      }
      createFilter() {
        return (path3) => !this.ignores(path3);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path3) {
        return this._test(path3, this._testCache, convertPath(path3));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path3) => checkPath(convertPath(path3), path3, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str2) => /^\\\\\?\\/.test(str2) || /["<>|\u0000-\u001F]+/u.test(str2) ? str2 : str2.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path3) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path3) || isNotRelative(path3);
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
      possiblyCreated: this.possiblyCreated
    };
  }
};

// ../../package.json
var version = "0.1.0";

// ../families/src/index.ts
var SCOPE_INSUFFICIENT = "Bearer token scope insufficient";
var family = (id, label, description, probe, endpoints, extra = {}) => ({
  id,
  label,
  description,
  pathPrefixes: [`/v1/${id}`],
  endpoints,
  paymentRequired: extra.paymentRequired ?? false,
  forbiddenMessage: extra.forbiddenMessage ?? SCOPE_INSUFFICIENT,
  probe
});
var get = (...paths) => paths.map((path3) => ({ method: "GET", path: path3 }));
var LIST = "a read-only list call asking for one item";
var REQUIRED = "called without its required parameters, so it reads nothing: 400/422 after the scope check means the scope is granted";
var API_FAMILIES = [
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
var SCOPE_IDS = API_FAMILIES.map((f) => f.id);

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
var import_node_fs5 = require("node:fs");

// ../detect/src/lexer/types.ts
var Interp = {
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
var Seg = { Comment: 1, Str: 2, Prose: 3 };
var SEG_WIDTH = 5;
function initialState() {
  return { mode: 0, v: -1, depth: 0, frames: [], ext: "", sub: null };
}

// ../detect/src/lexer/clike.ts
var opened = (variant2, length) => variant2 * 4 + length;
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
var REGEX_PREV = new Set("(,=:[!&|?{};+-*%<>~^".split("").map((c) => c.charCodeAt(0)));
var REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|in|of|delete|void|throw|new|yield|await|else|do)$/;
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
var QUOTE = 1;
var LINE = 2;
var BLOCK = 4;
var SLASH = 8;
var HEREDOC_ROLE = 16;
var FRAME = 32;
function indexInLine(text, needle, from, end) {
  const c0 = needle.charCodeAt(0);
  for (let j = from; j + needle.length <= end; j++)
    if (text.charCodeAt(j) === c0 && text.startsWith(needle, j)) return j;
  return -1;
}
var HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/y;
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
        const skip = framesOpen ? skipFramed : skipCode;
        skip.lastIndex = i;
        skip.test(text);
        i = skip.lastIndex;
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
        const escape = V.escapes ? 92 : -1;
        const skip = skipInString[s.v];
        let j = i;
        let done = false;
        for (; j < end; j++) {
          skip.lastIndex = j;
          skip.test(text);
          j = skip.lastIndex;
          if (j >= end) break;
          const c = text.charCodeAt(j);
          if (c === escape) {
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

// ../detect/src/lexer/languages-c.ts
var isWord = (c) => c !== void 0 && /[\w$]/.test(c);
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
var jsLexer = simple(
  { "'": 0, '"': 1, "`": 2 },
  [
    variant({ close: "'" }),
    variant({ close: '"' }),
    variant({ close: "`", multiline: true, interp: Interp.JsTemplate, frameOpen: "${" })
  ],
  { regexLiterals: true, relevantCode: ["`", "/*"] }
);
var jsonLexer = simple({ '"': 0 }, [variant({ close: '"' })], { relevantCode: ["/*"] });
var javaLexer = simple(
  { '"""': 0, '"': 1, "'": 2 },
  [variant({ close: '"""', multiline: true }), variant({ close: '"' }), variant({ close: "'" })],
  { relevantCode: ['"""', "/*"] }
);
var dollarLexer = simple(
  { '"""': 0, '"': 1, "'''": 2, "'": 3 },
  [
    variant({ close: '"""', multiline: true, interp: Interp.Dollar, frameOpen: "${" }),
    variant({ close: '"', interp: Interp.Dollar, frameOpen: "${" }),
    variant({ close: "'''", multiline: true }),
    variant({ close: "'" })
  ],
  { relevantCode: ['"""', "'''", "/*"] }
);
var goLexer = simple(
  { '"': 0, "`": 1, "'": 2 },
  [variant({ close: '"' }), variant({ close: "`", multiline: true, escapes: false }), variant({ close: "'" })],
  { relevantCode: ["`", "/*"] }
);
var phpLexer = simple(
  { "'": 0, '"': 1 },
  [variant({ close: "'", multiline: true }), variant({ close: '"', multiline: true, interp: Interp.Dollar })],
  { lineComments: ["//", "#"], relevantCode: ["'", '"', "/*"] }
);
var rubyLexer = simple(
  { "'": 0, '"': 1 },
  [
    variant({ close: "'", multiline: true }),
    variant({ close: '"', multiline: true, interp: Interp.Ruby, frameOpen: "#{" })
  ],
  { lineComments: ["#"], blockComment: null, relevantCode: ["'", '"'] }
);
var tomlLexer = simple(
  { '"""': 0, "'''": 1, '"': 2, "'": 3 },
  [
    variant({ close: '"""', multiline: true }),
    variant({ close: "'''", multiline: true, escapes: false }),
    variant({ close: '"' }),
    variant({ close: "'", escapes: false })
  ],
  { lineComments: ["#"], blockComment: null, relevantCode: ['"""', "'''"] }
);
var luaLexer = simple({ "'": 0, '"': 1 }, [variant({ close: "'" }), variant({ close: '"' })], {
  lineComments: ["--"],
  blockComment: null,
  relevantCode: []
});
var rLexer = simple(
  { "'": 0, '"': 1 },
  [variant({ close: "'", multiline: true }), variant({ close: '"', multiline: true })],
  { lineComments: ["#"], blockComment: null, relevantCode: ["'", '"'] }
);
var powershellLexer = simple(
  { "'": 0, '"': 1 },
  [
    variant({ close: "'", multiline: true, escapes: false, doubledQuote: true }),
    variant({ close: '"', multiline: true, escapes: false, interp: Interp.PowerShell, frameOpen: "$(" })
  ],
  { lineComments: ["#"], blockComment: ["<#", "#>"], relevantCode: ["'", '"', "<#"] }
);
var PY_QUOTES = ['"""', "'''", '"', "'"];
var pyVariants = [];
for (const q of PY_QUOTES) {
  const multiline = q.length === 3;
  pyVariants.push(variant({ close: q, multiline, formatCheck: true }));
  pyVariants.push(variant({ close: q, multiline, escapes: false, formatCheck: true }));
  pyVariants.push(variant({ close: q, multiline, interp: Interp.PyFormat, frameOpen: "{", doubleBrace: true }));
  pyVariants.push(
    variant({ close: q, multiline, escapes: false, interp: Interp.PyFormat, frameOpen: "{", doubleBrace: true })
  );
}
var pythonLexer = clikeLexer({
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
var csharpLexer = clikeLexer({
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
var rustLexer = clikeLexer({
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
var shellVariants = [
  variant({ close: "'", multiline: true, escapes: false }),
  variant({ close: '"', multiline: true, interp: Interp.Shell, frameOpen: "$(" }),
  variant({ close: '"' })
];
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
var shellLexer = clikeLexer(shellSpec({}));
var EXEC_FORM = /\s*(?:RUN|CMD|ENTRYPOINT|SHELL|HEALTHCHECK\s+(?:--\S+\s+)*CMD)\s+\[/iy;
var dockerfileLexer = clikeLexer(
  shellSpec({
    lineFlags(text, start, end) {
      EXEC_FORM.lastIndex = start;
      const m = EXEC_FORM.exec(text);
      return m && m.index + m[0].length <= end ? 1 : 0;
    }
  })
);
var makefileLexer = clikeLexer({
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

// ../detect/src/lexer/lines.ts
var NONE = [];
var BLOCK_OPENERS = ["|", ">"];
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
var plainLexer = {
  relevant: () => NONE,
  lexLine(_s, _text, start, end, segs) {
    if (segs && end > start) segs.push(start, end, Seg.Str, Interp.BearerOnly, 0);
  }
};
var httpLexer = {
  relevant: () => NONE,
  lexLine(_s, text, start, end, segs) {
    if (!segs) return;
    const i = skipSpaces(text, start, end);
    if (text.startsWith("#", i) || text.startsWith("//", i)) segs.push(i, end, Seg.Comment, 0, 0);
    else if (end > i) segs.push(i, end, Seg.Str, Interp.Http, 0);
  }
};
var KEY = /(?:export\s+)?[A-Za-z_][\w.-]*\s*=\s*/y;
var dotenvLexer = {
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
var INI_KEY = /[^=:;#[\s][^=:]*?\s*[=:]\s*/y;
var iniLexer = configLexer(Interp.None);
var propertiesLexer = configLexer(Interp.Yaml);
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
var YAML_KEY = /(?:-\s+)*(?:"[^"]*"|'[^']*'|[^\s#'"{[\]\-?:,][^#:]*?|-[^\s][^#:]*?)\s*:(?=\s|$)/y;
var YAML_LIST = /(?:-\s+)+/y;
var SHELL_KEYS = /^(?:-\s+)*["']?(?:run|script|before_script|after_script|command|commands|entrypoint|cmd|args|shell|pre|post|steps)["']?\s*:$/i;
var SHELL_LIST_KEY = /^(?:-\s+)*(?:run|script|before_script|after_script|command|commands|entrypoint|cmd|args):$/;
var YAML_RELEVANT = [
  ...BLOCK_OPENERS,
  "run:",
  "script:",
  "command:",
  "commands:",
  "entrypoint:",
  "cmd:",
  "args:"
];
var yamlLexer = {
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

// ../detect/src/lexer/markdown.ts
var FENCE = / {0,3}(`{3,}|~{3,})[ \t]*([^\s`{]*)/y;
var FENCE_OPENERS = ["```", "~~~"];
function markdownLexer(forFence2) {
  const inFence = /* @__PURE__ */ new Map();
  return {
    relevant(s) {
      if (s.mode !== 6) return FENCE_OPENERS;
      const sub = s.sub ? forFence2(s.ext.slice(s.ext.indexOf("\0") + 1)).lexer.relevant(s.sub) : null;
      if (!sub) return null;
      const marker = s.ext.slice(0, s.ext.indexOf("\0"));
      const key = `${marker}\0${sub.join("\0")}`;
      let r = inFence.get(key);
      if (!r) inFence.set(key, r = [...sub, marker]);
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
        const d = forFence2(s.ext.slice(sep + 1));
        const from = segs ? segs.length : 0;
        d.lexer.lexLine(s.sub, text, start, end, segs);
        if (segs) for (let k2 = from; k2 < segs.length; k2 += SEG_WIDTH) segs[k2 + 4] = d.id;
        return;
      }
      FENCE.lastIndex = start;
      const m = FENCE.exec(text);
      if (m && m.index + m[0].length <= end) {
        s.mode = 6;
        s.ext = `${m[1]}\0${m[2].toLowerCase()}`;
        s.sub = initialState();
        return;
      }
      if (segs && end > start) segs.push(start, end, Seg.Prose, 0, 0);
    }
  };
}

// ../detect/src/lexer/rst.ts
var DIRECTIVE = /([ \t]*)\.\.[ \t]+(?:code-block|code|sourcecode)::[ \t]*([\w+#.-]*)/y;
var LITERAL = /([ \t]*)\S.*::[ \t]*$/y;
var OPENERS = ["::"];
var MODE = 7;
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

// ../detect/src/languages.ts
var BY_BASENAME = {
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
var BY_EXTENSION = {
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
function languageFromFileName(name) {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1).toLowerCase();
  const exact = BY_BASENAME[base];
  if (exact) return exact;
  if (base === ".env" || base.startsWith(".env.") || base.endsWith(".env")) return "dotenv";
  if (base.startsWith("dockerfile.") || base.endsWith(".dockerfile")) return "dockerfile";
  const dot = base.lastIndexOf(".");
  if (dot < 0) return void 0;
  return BY_EXTENSION[base.slice(dot + 1)];
}

// ../detect/src/dialects.ts
var byId = [];
var byLanguage = /* @__PURE__ */ new Map();
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
var plain = def(["plaintext"], "text", plainLexer);
def(["markdown", "mdx"], "Markdown", markdownLexer(forFence), true);
def(["restructuredtext", "rst"], "reStructuredText", rstLexer(forFence), true);
var FENCE_ALIASES = {
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

// ../detect/src/env-reference.ts
var IDIOMS = {
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
function envReference(languageId, varName) {
  const idiom = IDIOMS[languageId];
  return idiom ? idiom(varName) : `$${varName}`;
}

// ../detect/src/rules/suppress.ts
var NAMES = /(?:phq\/[\w-]+|placeholder|hardcoded-token|known-token|browser-exposure|endpoint)\b/g;
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

// ../detect/src/rules/line.ts
var DEFAULT_SEVERITY = /* @__PURE__ */ new Map();
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
  const sev = lc.ctx.severities[ruleId] ?? lc.ctx.severities[kind] ?? DEFAULT_SEVERITY.get(ruleId);
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

// ../detect/src/rules/messages.ts
var SHELLISH = /* @__PURE__ */ new Set(["shellscript", "dockerfile", "makefile", "dotenv"]);
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
function knownMessage(name, ref) {
  return `Your API token "${name}" is written in this file. Read it from ${ref} instead, and rotate the token if the file was shared.`;
}
function browserMessage(variable, prefix) {
  return `${variable} is shipped to the browser (${prefix} variables are bundled into client code), so every visitor gets the token. Call PredictHQ from server code instead.`;
}
function endpointMessage(family3) {
  return `Calls the PredictHQ ${family3} API (/v1/${family3}/): the token needs the "${family3}" scope.`;
}
function dummyMessage(value, why, ref, docs) {
  const lead = docs ? `Example sends "${value}" as the API token` : `"${value}" is sent as the API token`;
  return `${lead}, but ${why}, so PredictHQ answers 401. Use ${ref} or one of your tokens.`;
}

// ../detect/src/rules/patterns.ts
var NAME = String.raw`(?:PHQ_|PREDICTHQ_)?(?:API_|ACCESS_|OAUTH2_ACCESS_)?TOKEN|(?:PHQ_|PREDICTHQ_)API_KEY`;
var YOUR = String.raw`(?:YOUR|REPLACE_WITH_YOUR|INSERT_YOUR|ENTER_YOUR|PUT_YOUR)[_-](?:PREDICTHQ[_-]|PHQ[_-])?(?:API[_-]|ACCESS[_-])?(?:TOKEN|KEY)`;
var SIGIL_PLACEHOLDER = new RegExp(
  String.raw`\$\{(?:${NAME})\}|\$(?:${NAME})(?![\w])|\{(?:${NAME})\}|\[(?:${NAME})\]|<(?:${NAME})>`,
  "gi"
);
var YOUR_PLACEHOLDER = new RegExp(String.raw`\b${YOUR}(?![\w-])`, "gi");
var BEARER_NAME = new RegExp(String.raw`\bBearer\s+(${NAME})(?![\w$-])(?![ \t]+[A-Za-z(])`, "gi");
var SDK_FAKE_TOKEN = "Acc3sS-t0keN";
var BEARER_VALUE = /\bBearer\s+([A-Za-z0-9_\-.~+/]+=*)/gi;
var TOKEN_NAME_WORD = /token|api[_-]?key|apikey/gi;
var NOT_A_TOKEN_NAME = /tokeni[sz]|(?:token|key)[_.-]?(?:type|url|uri|endpoint|ttl|expir\w*|expires?\w*|count|len\w*|limit|file|path|name|id|ids|header|prefix|kind|usage|index|size|max|min)$/i;
var BROWSER_VAR = /(?<![\w$])(NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_)(\w+)/g;
var FAMILIES = SCOPE_IDS;
var ENDPOINT = new RegExp(String.raw`/v1/(${FAMILIES.join("|")})(?![\w-])/?`, "g");
var TOKEN_RUN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{16,256}(?![A-Za-z0-9_-])/g;

// ../detect/src/rules/browser-exposure.ts
var HAS_PHQ = /PHQ|PREDICTHQ/i;
var SECRETISH = /TOKEN|KEY/i;
var browserExposureRule = {
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

// ../detect/src/rules/shape.ts
var TOKEN_CHARS = /^[A-Za-z0-9_\-.~+/]+=*$/;
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var HEX = /^(?:0x)?[0-9a-f]+$/i;
var PLACEHOLDERISH = /your|example|placeholder|xxxx|changeme|change_me|redacted|dummy|sample|insert|replace|token|secret|<|>/i;
var WORDISH = /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+|\d{1,4})$/;
var MIN_TOKEN_LENGTH = 20;
var IDENTIFIER = /^(?:[a-z]+|[A-Z][a-z]+)(?:[A-Z][a-z]+|[A-Z]{2,4}(?=[A-Z]|$))+$/;
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
var TOKEN_CHAR = new Uint8Array(128);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.~+/") TOKEN_CHAR[c.charCodeAt(0)] = 1;
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

// ../detect/src/rules/sinks.ts
var PHQ_WORD = /predicthq|(?<![a-z0-9])phq(?![a-z0-9])/i;
var PREDICT_AT = /predict/iy;
var PHQ_AT = /(?<![a-z0-9])p(?=hq(?![a-z0-9]))/iy;
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
var Q = ["q", "Q"];
function aboutPhq(lc) {
  return lc.ctx.phqDoc ??= mentionsPhq(lc.text);
}
var GENERIC = /* @__PURE__ */ new Set([
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
function classify(name) {
  if (PHQ_WORD.test(name.replace(/([a-z0-9])([A-Z])/g, "$1_$2"))) return "phq";
  const last = name.slice(name.lastIndexOf(".") + 1).replace(/^[$@-]+/, "");
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase().split(/[_\-$]+/).filter((w) => w !== "");
  if (words.length === 0) return null;
  for (const w of words) if (!GENERIC.has(w)) return null;
  return words.some((w) => w.includes("token") || w.includes("key")) ? "generic" : null;
}
var nameCache = /* @__PURE__ */ new Map();
function nameClass(name) {
  let c = nameCache.get(name);
  if (c === void 0) {
    if (nameCache.size > 5e3) nameCache.clear();
    nameCache.set(name, c = classify(name));
  }
  return c;
}
var INSTRUCTIONAL = /your|placeholder|replace|insert|enter|paste|put[_ -]?(?:here|in)|here|change[_-]?me|xxx|\*\*\*|todo|fixme|tbd|redacted|dummy|fake|sample|example|secret|token|api[_ -]?key|<|>|\[|\]|\{|\}/i;
var WORDY = /^(?:test(?:ing)?|demo|foo|bar|baz|abc|xyz|none|null|nil|undefined|n\/?a|empty|default|string|str|password|pass|key|token|mytoken|my-token|changeit|qwerty|asdf|admin|letmein)$/i;
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
var REFERENCE = /\$\{|\$\(|\{\{|%\(|<%|^\$\$?[A-Za-z_]\w*$|^%[A-Za-z_]\w*%$|^!ENV|^secrets?\./;
var DOLLAR_EXPANDS = /* @__PURE__ */ new Set([
  Interp.Shell,
  Interp.Make,
  Interp.Dollar,
  Interp.PowerShell,
  Interp.Yaml
]);
var LOOSE = /* @__PURE__ */ new Set([
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
var CONFIG = /* @__PURE__ */ new Set(["dotenv", "ini", "properties", "yaml", "toml"]);
var SHELLISH2 = /* @__PURE__ */ new Set(["shellscript", "dockerfile", "makefile"]);
function isQuote(c) {
  return c === 34 || c === 39 || c === 96;
}
function valueAt(lc, lt, p) {
  const ann = /^[A-Za-z_][\w.[\], |]*\s*=(?!=)\s*/.exec(lt.slice(p, p + 60));
  const k0 = segAt(lc.segs, lc.ls + p);
  if (ann && k0 < 0 && !isQuote(code(lt, p))) p += ann[0].length;
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
  const interp = lc.ctx.shellStrings && lc.segs[k2 + 3] === Interp.None ? Interp.Shell : lc.segs[k2 + 3];
  if (/^%[sv]$|^%\(\w+\)s$/.test(v)) return true;
  if (/^\{\w*\}$/.test(v) && (interp === Interp.PyFormat || interp === Interp.CSharp || interp === Interp.Rust))
    return true;
  if (!REFERENCE.test(v)) return false;
  const lang = dialectOf(lc, k2).languageId;
  if (/^\$\{[A-Za-z_]\w*\}$/.test(v) && CONFIG.has(lang)) return true;
  if (/^\$\{?[A-Za-z_]\w*\}?$/.test(v)) return DOLLAR_EXPANDS.has(interp) || lang === "dotenv";
  return true;
}
function sinkOf(lc, s, e, k2, strong) {
  let value = lc.text.slice(s, e);
  const q = value.charCodeAt(0);
  if (value.length >= 2 && isQuote(q) && value.charCodeAt(value.length - 1) === q) {
    value = value.slice(1, -1);
    s++;
  }
  if (value === "" || isReference(lc, value, k2) || holdsCode(lc, k2)) return null;
  if (value.length >= 20 && /^(?:0x)?[0-9a-f]+$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value))
    return null;
  const why = whyNotAToken(value);
  return {
    start: s,
    value,
    k: k2,
    verdict: why ? "dummy" : "token",
    why,
    strong,
    placeholderShaped: isPlaceholderShaped(value) || /^\$\{?[A-Za-z_]\w*\}?$/.test(value)
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
var BEARER = /\bBearer[ \t]+/gi;
var INSTRUCTION = /^(?:your|my|insert|enter|paste|put|replace)\b[\w .-]{0,40}\b(?:token|key)\b(?:[\w .-]{0,12})$/i;
var SINK_NAME_WORD = /token|api[_-]?key|apikey|(?:phq|predicthq)[_-]?key/gi;
var ENV_SPACE = /^\s*(?:ENV|ARG)\s+([A-Za-z_][\w.-]*)\s+(?=\S)/i;
var INSTRUCTION_MAX = 120;
function findSinks(lc, lt) {
  const out2 = [];
  {
    BEARER.lastIndex = 0;
    for (let m = BEARER.exec(lt); m; m = BEARER.exec(lt)) {
      const vs = m.index + m[0].length;
      const k2 = segAt(lc.segs, lc.ls + m.index);
      if (k2 < 0 || lc.segs[k2 + 2] === Seg.Comment || lc.segs[k2 + 2] === Seg.Prose && !lc.ctx.prose) continue;
      const segEnd = lc.segs[k2 + 1] - lc.ls;
      if (vs >= segEnd) continue;
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
    if (!nameUsable(lc, lt, a, p)) continue;
    let v = assignedValueStart(lt, p);
    if (v < 0 && lc.ctx.dialect.languageId === "dockerfile") {
      const env = ENV_SPACE.exec(lt);
      if (env && env[1] === name) v = env[0].length;
    }
    if (v < 0) continue;
    const val = valueAt(lc, lt, v);
    if (!val) continue;
    const sink = sinkOf(lc, lc.ls + val.s, lc.ls + val.e, val.k, cls === "phq");
    if (sink) out2.push(sink);
  }
  for (const re of [ENV_DEFAULT, JS_ENV_DEFAULT]) {
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
  return out2;
}
var ENV_DEFAULT = /(?<![\w.])(?:(?:os\.)?(?:getenv|environ\.get)|ENV\.fetch|Sys\.getenv)\(\s*["']([A-Za-z_][\w]*)["']\s*,\s*(?:unset\s*=\s*)?/g;
var JS_ENV_DEFAULT = /\bprocess\.env(?:\.([A-Za-z_]\w*)|\[\s*["']([A-Za-z_]\w*)["']\s*\])\s*(?:\|\||\?\?)\s*()/g;
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

// ../detect/src/rules/test-paths.ts
var TEST_PATH = /(?:^|[\\/])(?:tests?|__tests__|__mocks__|specs?|fixtures?|testdata|test[_-]?data)[\\/]|(?:^|[\\/])(?:test_[^\\/]*\.py|[^\\/]*_test\.(?:py|go|rb)|[^\\/]*\.(?:test|spec)\.[cm]?[jt]sx?|conftest\.py|[^\\/]*_spec\.rb)$/i;
function isTestPath(fileName) {
  return fileName !== void 0 && TEST_PATH.test(fileName);
}
var TEST_SEVERITY = "info";
function lowerInTests(lc, f) {
  if (lc.ctx.testCode && f.kind === "placeholder" && lc.ctx.severities[f.kind] === void 0)
    f.severity = TEST_SEVERITY;
}

// ../detect/src/rules/placeholder.ts
var DOLLAR_EXPANDS2 = /* @__PURE__ */ new Set([Interp.Shell, Interp.Make, Interp.Dollar, Interp.PowerShell]);
var DOLLAR_BRACE_EXPANDS = /* @__PURE__ */ new Set([
  Interp.Shell,
  Interp.Make,
  Interp.Dollar,
  Interp.PowerShell,
  Interp.Yaml,
  Interp.PyFormat,
  Interp.CSharp,
  Interp.Rust
]);
var BRACE_EXPANDS = /* @__PURE__ */ new Set([Interp.PyFormat, Interp.CSharp, Interp.Rust]);
var BEARER_BEFORE = /bearer\s+$/i;
function documented(m) {
  const name = m.replace(/^[$]?[{[<]?|[}\]>]$/g, "");
  return name.toLowerCase() !== "token" || name === "TOKEN";
}
var YOUR_DOCUMENTED = /PREDICTHQ|PHQ|(?:API|ACCESS)[_-]TOKEN/i;
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
      return !DOLLAR_EXPANDS2.has(interp);
    case 3:
      return !BRACE_EXPANDS.has(interp);
    default:
      return true;
  }
}
function interpOf(lc, k2) {
  const interp = lc.segs[k2 + 3];
  return lc.ctx.shellStrings && interp === Interp.None && lc.segs[k2 + 4] === 0 ? Interp.Shell : interp;
}
function quotedInShellText(lc, k2, s) {
  const lang = dialectOf(lc, k2).languageId;
  if (lang !== "yaml" && !lc.ctx.shellStrings) return false;
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
}
var placeholderRule = {
  id: "phq/placeholder",
  kind: "placeholder",
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

// ../detect/src/rules/custom-placeholder.ts
var customPlaceholderRule = {
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

// ../detect/src/rules/dummy-token.ts
var NAMED_QUOTED = /(?:ken|key)[\w.$-]*\\?["'\]]{0,2}\s*(?::[ \t]*[A-Za-z_][\w.[\], |]*)?(?::=|=>|=|:)\s*[rbuf]{0,2}\\?["'`]/i;
var NAMED_ANY = /(?:ken|key)[\w.$-]*\\?["'\]]{0,2}\s*(?::=|=>|=|:)\s*[^\s=]/i;
var DOCKER_ENV = /^\s*(?:ENV|ARG)\s/i;
var ENV_DEFAULT_VALUE = /(?:ken|key)\w*["']?\s*(?:\]\s*)?(?:,\s*(?:unset\s*=\s*)?|\|\||\?\?)\s*[rbuf]{0,2}["'`]/i;
var BEARER_VALUE2 = /bearer[ \t]+(?:[<[{(]|(?:your|my|insert|enter|paste|put|replace)\b|[^\s"'`,;\\]+\s*(?:["'`,;\\]|$))/i;
var dummyTokenRule = {
  id: "phq/dummy-token",
  kind: "placeholder",
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

// ../detect/src/rules/endpoint.ts
var endpointRule = {
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
      const family3 = m[1];
      push(lc, "endpoint", "phq/endpoint", s, s + m[0].length, m[0], endpointMessage(family3), d, { family: family3 });
    }
  },
  fixtures: [{ text: 'r = requests.get("https://api.predicthq.com/v1/events/")', options: { languageId: "python" } }]
};

// ../detect/src/fingerprint.ts
var import_node_crypto = require("node:crypto");
var DOMAIN = "phq-token-v1\0";
function fingerprint(value) {
  return "sha256:" + (0, import_node_crypto.createHash)("sha256").update(DOMAIN + value, "utf8").digest("hex");
}
function maskSecret(value) {
  if (value.length >= 16) return `${value.slice(0, 4)}${"*".repeat(8)}${value.slice(-2)}`;
  if (value.length >= 8) return `${value.slice(0, 2)}${"*".repeat(6)}`;
  return "*".repeat(Math.max(value.length, 4));
}

// ../detect/src/rules/hardcoded-token.ts
var VALUE = /[A-Za-z0-9_\-.~+/]+=*/y;
var TOKEN_WORD = /token|api[_-]?key|apikey/i;
function reportHardcoded(lc, s, value, k2) {
  const d = dialectOf(lc, k2);
  const masked = maskSecret(value);
  const ref = envReference(d.languageId, lc.ctx.envVar);
  push(lc, "hardcoded-token", "phq/hardcoded-token", s, s + value.length, masked, hardcodedMessage(masked, ref), d, {
    fingerprint: fingerprint(value)
  });
}
var hardcodedTokenRule = {
  id: "phq/hardcoded-token",
  kind: "hardcoded-token",
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
  mayFire: (_ctx, lt) => TOKEN_WORD.test(lt) && hasTokenRun(lt, MIN_TOKEN_LENGTH),
  judge(lc, lt) {
    const seen = /* @__PURE__ */ new Set();
    const hardcoded = (s, value, k2) => {
      if (seen.has(s) || !isLikelyToken(value) || holdsCode(lc, k2)) return;
      seen.add(s);
      reportHardcoded(lc, s, value, k2);
    };
    const bearer = BEARER_VALUE;
    bearer.lastIndex = 0;
    for (let m = bearer.exec(lt); m; m = bearer.exec(lt)) {
      const v = m[1];
      const s = lc.ls + m.index + m[0].length - v.length;
      const k2 = segAt(lc.segs, s);
      if (k2 < 0 || s + v.length > lc.segs[k2 + 1]) continue;
      if (lc.segs[k2 + 2] === Seg.Prose && !lc.ctx.prose) continue;
      hardcoded(s, v, k2);
    }
    const words = TOKEN_NAME_WORD;
    words.lastIndex = 0;
    for (let m = words.exec(lt); m; m = words.exec(lt)) {
      const [a, end] = nameAround(lt, m.index, m[0].length);
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
      hardcoded(s, value, k2);
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

// ../detect/src/rules/known-token.ts
var knownTokenRule = {
  id: "phq/known-token",
  kind: "known-token",
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

// ../detect/src/rules/missing-scope.ts
var missingScopeRule = {
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

// ../detect/src/rules/placeholder-in-docs.ts
var placeholderInDocsRule = {
  id: "phq/placeholder-in-docs",
  kind: "placeholder",
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

// ../detect/src/rules/index.ts
var RULES = [
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
for (const r of RULES) DEFAULT_SEVERITY.set(r.id, r.severity);

// ../detect/src/rules/judge.ts
var ENGINE_RULES = RULES.filter((r) => r.runsIn === "engine" && r.judge);
var JUDGES = ENGINE_RULES.map((r) => r.judge);
var FN_PREFILTERS = ENGINE_RULES.filter((r) => r.mayFire).map((r) => r.mayFire);
var EXTRA_TRIGGERS = ENGINE_RULES.filter((r) => r.extraTriggers).map((r) => r.extraTriggers);
function combinePrefilters(rules) {
  const sources = rules.filter((r) => r.prefilter).map((r) => r.prefilter.source);
  return sources.length ? new RegExp(sources.join("|"), "i") : null;
}
var MAY_FIRE = combinePrefilters(ENGINE_RULES);
var TRIGGERS = [...new Set(ENGINE_RULES.flatMap((r) => r.triggers))];
function mayFire(ctx, lt) {
  if (MAY_FIRE !== null && MAY_FIRE.test(lt)) return true;
  for (const f of FN_PREFILTERS) if (f(ctx, lt)) return true;
  return false;
}
function extraTriggers(ctx) {
  const out2 = [];
  for (const f of EXTRA_TRIGGERS) out2.push(...f(ctx));
  return out2;
}
function family2(f) {
  if (f.ruleId === "phq/custom-placeholder") return 0;
  return f.kind === "placeholder" ? 1 : f.kind === "known-token" || f.kind === "hardcoded-token" ? 2 : 0;
}
function judgeLine(ctx, text, ls, le, line, segs, out2, base = 0, suppressions = true) {
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
    sinks: void 0
  };
  const from = out2.length;
  for (const judge2 of JUDGES) judge2(lc, lt);
  if (out2.length - from > 1) {
    const mine = out2.splice(from);
    const kept = [];
    for (const f of mine) {
      const fam = family2(f);
      if (fam !== 0 && kept.some((g) => family2(g) === fam && g.offset < f.offset + f.length && f.offset < g.offset + g.length))
        continue;
      kept.push(f);
    }
    kept.sort(compareFindings);
    for (const f of kept) out2.push(f);
  }
}
function compareFindings(a, b2) {
  return a.offset - b2.offset || a.length - b2.length || (a.ruleId < b2.ruleId ? -1 : a.ruleId > b2.ruleId ? 1 : 0);
}

// ../detect/src/triggers.ts
var k = 107;
var K = 75;
var b = 98;
var B = 66;
var lower = (c) => c | 32;
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
var TriggerFinder = class {
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
var LONE_CR = /\r(?!\n)/g;
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
var Walker = class {
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
function scanBlock(ctx, text, walker, from, to, out2, base = 0, finish = true) {
  const region = from === 0 && to >= text.length ? text : text.slice(from, to);
  const triggers = new TriggerFinder(region, TRIGGERS);
  const res = extraTriggers(ctx);
  const next = res.map(() => -2);
  let pos = from;
  const segs = [];
  let suppressions;
  for (; ; ) {
    const tt = triggers.next(pos - from);
    let t = tt < 0 ? Infinity : tt + from;
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
    if (!mayFire(ctx, text.slice(ls, le))) {
      pos = nextLine;
      if (pos >= to) break;
      continue;
    }
    walker.advance(ls);
    segs.length = 0;
    walker.lexLine(segs);
    const line = () => walker.lineAt(ls);
    suppressions ??= hasSuppression(text);
    judgeLine(ctx, text, ls, le, line, segs, out2, base, suppressions);
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

// ../protocol/src/settings.ts
var DEFAULT_ENV_VAR = "PHQ_API_TOKEN";
var DEFAULT_SETTINGS = Object.freeze({
  enable: true,
  envVarName: DEFAULT_ENV_VAR,
  extraPatterns: [],
  markdownProse: false,
  severity: {},
  severityByLanguage: {},
  maxDiagnostics: 1e3
});

// ../detect/src/rules/context.ts
var PHQ_CONF = /(?:^|[\\/])predicthq\.conf$/i;
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
  return {
    dialect: dialectFor(options.languageId, options.fileName),
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
    notebook: /\.ipynb$/i.test(options.fileName ?? "") && /^json/.test(options.languageId)
  };
}

// ../detect/src/scan.ts
function scan(text, options) {
  return scanWith(text, options, false);
}
function scanWith(raw, options, exhaustive) {
  const text = normalizeBreaks(raw);
  const ctx = compileOptions(options);
  const out2 = [];
  const walker = new Walker(text, ctx.dialect.lexer, { pos: 0, line: 0, state: initialState() }, exhaustive);
  scanBlock(ctx, text, walker, 0, text.length, out2, 0, false);
  return out2;
}

// ../detect/src/paths.ts
var import_ignore = __toESM(require_ignore());
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

// ../detect/src/notebook/ipython.ts
var KERNELS = {
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
var CELL_MAGIC = /^%%([A-Za-z_]\w*)[ \t]*([^\n]*)/;
var SHELL_LINE = /^([ \t]*(?:[A-Za-z_][\w.]*[ \t]*=[ \t]*)?)!!?/;
var ENV_LINE = /^([ \t]*%(?:set_)?env[ \t]+)([A-Za-z_]\w*)([ \t]*=[ \t]*|[ \t]+)(?=\S)/;
var MAGIC_LINE = /^([ \t]*(?:[A-Za-z_][\w.]*[ \t]*=[ \t]*)?)%/;
var SUBST = /\$([A-Za-z_]\w*)|\{([A-Za-z_]\w*)\}/g;
var blank = (s) => s.replace(/[^\n]/g, " ");
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
var ASSIGNED = /^[ \t]*(?:for[ \t]+)?([A-Za-z_]\w*)[ \t]*(?:[:=]|in\b|,)/gm;
var IMPORTED = /\bimport[ \t]+(?:\w+[ \t]+as[ \t]+)?([A-Za-z_]\w*)/g;
function pythonNamesIn(sources) {
  const names = /* @__PURE__ */ new Set();
  for (const s of sources) {
    for (const m of s.matchAll(ASSIGNED)) names.add(m[1]);
    for (const m of s.matchAll(IMPORTED)) names.add(m[1]);
  }
  return names;
}

// ../detect/src/notebook/cell.ts
var TOKEN_KINDS = /* @__PURE__ */ new Set(["hardcoded-token", "known-token"]);
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

// ../detect/src/notebook/json.ts
var NotebookFormatError = class extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
    this.name = "NotebookFormatError";
  }
  offset;
};
var NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
var CONTROL = /[\u0000-\u001f]/;
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

// ../detect/src/notebook/model.ts
var TEXT_MIMES = ["text/plain", "text/html", "text/markdown", "text/latex", "application/javascript"];
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
var RULES2 = RULES.filter((x) => x.runsIn === "engine");
var LEVEL = {
  error: "error",
  warning: "warning",
  info: "note",
  hint: "note"
};
var RULES_DOC_URL = "https://github.com/predicthq-tokens/predicthq-tokens/blob/main/docs/rules.md";
function cellLocation(c) {
  const path3 = `cells[${c.index}]` + (c.output !== void 0 ? `/outputs[${c.output}]` : "");
  return {
    name: cellLabel(c),
    fullyQualifiedName: path3,
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
            artifactLocation: { uri: encodeURI(res.file), uriBaseId: "%SRCROOT%" },
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
              helpUri: `${RULES_DOC_URL}#${x.docs}`,
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
var UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"\\]/;
var UNSAFE_ALL = new RegExp(UNSAFE.source, "g");
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
  return [...Buffer.from(c, "utf8")].map((b2) => `\\${b2.toString(8).padStart(3, "0")}`).join("");
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
      summary: { findings: findings.length, scanned: r.scanned, skipped: r.skipped, errors: r.errors },
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

// src/scan/decode.ts
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
function judgeBlob(r, file, path3, req, report) {
  if (r.kind === "error") return void report.errors.push({ file, message: r.message });
  if (r.kind === "too-large") return void report.skipped.push({ file, reason: "too-large" });
  if (r.kind === "other") return void 0;
  const d = decodeBytes(r.data);
  if ("skipped" in d) return void report.skipped.push({ file, reason: d.skipped });
  report.scanned++;
  report.bytes += d.text.length;
  const judged = judge(d.text, path3, req);
  if (judged.error) return void report.errors.push({ file, message: judged.error });
  return judged;
}

// src/scan/read.ts
var import_node_fs = require("node:fs");
var shared = Buffer.allocUnsafeSlow(1 << 20);
function fill(fd, buf, got) {
  while (got < buf.length) {
    const n = (0, import_node_fs.readSync)(fd, buf, got, buf.length - got, got);
    if (n === 0) break;
    got += n;
  }
  return got;
}
function readText(abs, maxBytes) {
  const fd = (0, import_node_fs.openSync)(abs, "r");
  try {
    let buf = shared;
    let got = fill(fd, buf, 0);
    if (got === buf.length) {
      const size = (0, import_node_fs.fstatSync)(fd).size;
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
    (0, import_node_fs.closeSync)(fd);
  }
}

// src/scan/walk.ts
var import_node_fs2 = require("node:fs");
var import_node_path = __toESM(require("node:path"));
var import_ignore2 = __toESM(require_ignore());
function specialKind(st) {
  return st.isFIFO() ? "fifo" : st.isSocket() ? "socket" : "device";
}
var ALWAYS_SKIPPED = /* @__PURE__ */ new Set([".git", ".hg", ".svn"]);
function toRel(root, abs) {
  const r = import_node_path.default.relative(root, abs).split(import_node_path.default.sep).join("/");
  return r === "" ? "." : r;
}
function loadGitignore(dirAbs, base) {
  let text;
  try {
    text = (0, import_node_fs2.readFileSync)(import_node_path.default.join(dirAbs, ".gitignore"), "utf8");
  } catch {
    return null;
  }
  return { base, ig: (0, import_ignore2.default)().add(text) };
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
    const abs = import_node_path.default.resolve(o.root, p);
    const st = (0, import_node_fs2.statSync)(abs);
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
        const r = loadGitignore(import_node_path.default.join(o.root, base), base);
        if (r) stack.push(r);
      }
    }
    yield* walkDir(abs, rel === "." ? "" : rel, stack, o);
  }
}
function* walkDir(dirAbs, dirRel, stack, o) {
  const own = o.gitignore ? loadGitignore(dirAbs, dirRel) : null;
  if (own) stack.push(own);
  let entries;
  try {
    entries = (0, import_node_fs2.readdirSync)(dirAbs, { withFileTypes: true });
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
    const abs = import_node_path.default.join(dirAbs, e.name);
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
      filter: createPathFilter(req.ignore),
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
      if (o.findings.length > 0) report.results.push({ file, language: o.language, findings: o.findings });
    }
  });
  return report;
}

// src/commands/scan-git.ts
var import_node_fs4 = require("node:fs");
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
  const parts = b2.toString("utf8").split("\0");
  if (parts.at(-1) === "") parts.pop();
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
  for (const rec2 of out2.toString("utf8").split("")) {
    if (rec2 === "") continue;
    const parts = rec2.split("\0");
    const [commit, date, author] = parts;
    seq++;
    for (let i = 3; i + 1 < parts.length; ) {
      const meta = parts[i].replace(/^\n+/, "");
      if (meta === "") {
        i++;
        continue;
      }
      if (!meta.startsWith(":")) break;
      const oid = meta.split(" ")[3];
      if (wanted.has(oid) && !found.has(oid))
        found.set(oid, { introduced: { commit, date, author, path: parts[i + 1] }, seq });
      i += 2;
    }
    if (found.size === wanted.size) break;
  }
  return found;
}
async function headBlobs(cwd) {
  try {
    const out2 = await git(cwd, ["ls-tree", "-r", "-z", "--full-tree", "HEAD"]);
    const set = /* @__PURE__ */ new Set();
    for (const e of splitZ(out2)) {
      const meta = e.slice(0, e.indexOf("	")).split(" ");
      if (meta[1] === "blob") set.add(meta[2]);
    }
    return set;
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
var sameness = (f) => `${f.ruleId}\0${f.data.fingerprint ?? f.match}`;
async function scanHistory(cwd, req, revisions) {
  const report = { root: cwd, results: [], scanned: 0, bytes: 0, skipped: [], errors: [] };
  const filter = createPathFilter(req.ignore);
  const blobs = (await listBlobs(cwd, revisions)).filter((b2) => !filter.ignores(b2.path));
  const judged = [];
  await catObjects(
    cwd,
    blobs.map((b2) => b2.oid),
    req.maxBytes,
    (i, r) => {
      const { oid, path: path3 } = blobs[i];
      const file = `${path3} (blob ${oid.slice(0, 12)})`;
      const j = judgeBlob(r, file, path3, req, report);
      if (j && j.findings.length > 0) judged.push({ oid, path: path3, language: j.language, findings: j.findings });
    }
  );
  if (judged.length === 0) return { report, blobs: blobs.length };
  const [intro, head] = await Promise.all([
    introductions(cwd, revisions, new Set(judged.map((j) => j.oid))),
    headBlobs(cwd)
  ]);
  const inHead = /* @__PURE__ */ new Set();
  for (const j of judged) if (head.has(j.oid)) for (const f of j.findings) inHead.add(sameness(f));
  const best = /* @__PURE__ */ new Map();
  for (const j of judged) {
    const known = intro.get(j.oid);
    const file = known?.introduced.path ?? j.path;
    const seq = known?.seq ?? Number.MAX_SAFE_INTEGER;
    const nth = /* @__PURE__ */ new Map();
    for (const f of j.findings) {
      const s = sameness(f);
      const n = (nth.get(s) ?? 0) + 1;
      nth.set(s, n);
      const key = `${file}\0${s}\0${n}`;
      const prev = best.get(key);
      if (!prev || seq < prev.seq) best.set(key, { seq, finding: f, oid: j.oid, file, language: j.language });
    }
  }
  const owners = /* @__PURE__ */ new Map();
  for (const b2 of best.values()) {
    const still = inHead.has(sameness(b2.finding));
    const key = `${b2.oid}\0${b2.file}\0${still}`;
    let o = owners.get(key);
    if (!o) {
      const introduced = intro.get(b2.oid)?.introduced;
      o = {
        file: b2.file,
        language: b2.language,
        findings: [],
        seq: b2.seq,
        history: { blob: b2.oid, introduced, inHead: still }
      };
      owners.set(key, o);
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
var import_node_fs3 = require("node:fs");
var import_node_path2 = __toESM(require("node:path"));
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
  const filter = createPathFilter(req.ignore);
  for (const raw of [...splitRaw(changed), ...splitRaw(untracked)]) {
    const key = raw.toString("latin1");
    if (seen.has(key)) continue;
    seen.add(key);
    const file = raw.toString("utf8");
    if (filter.ignores(file)) continue;
    const abs = Buffer.concat([Buffer.from(cwd + import_node_path2.default.sep), raw]);
    try {
      const st = (0, import_node_fs3.statSync)(abs);
      if (st.isDirectory()) {
        report.skipped.push({ file, reason: "submodule" });
        continue;
      }
      if (!st.isFile()) continue;
      if (st.size > req.maxBytes) {
        report.skipped.push({ file, reason: "too-large" });
        continue;
      }
      const d = decodeBytes((0, import_node_fs3.readFileSync)(abs));
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
async function scanStaged(cwd, req, pathspecs) {
  const report = { root: cwd, results: [], scanned: 0, bytes: 0, skipped: [], errors: [] };
  const entries = [];
  const filter = createPathFilter(req.ignore);
  for (const e of await stagedEntries(cwd, pathspecs)) {
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
    list = JSON.parse((0, import_node_fs4.readFileSync)(file, "utf8"));
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

// src/commands/options.ts
function rec(v) {
  return typeof v === "object" && v !== null ? v : {};
}
function str(opts, key) {
  const v = rec(opts)[key];
  return typeof v === "string" ? v : void 0;
}
function bool(opts, key) {
  return rec(opts)[key] === true;
}
function strList(opts, key) {
  const v = rec(opts)[key];
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
      (0, import_node_fs5.statSync)(p);
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
  program2.command("scan").description("Find unfilled token placeholders and hardcoded tokens in files (exit 1 when found)").argument("[paths...]", "files or folders to scan", ["."]).option("--format <format>", `output format: ${FORMATS.join(", ")}`, "human").option("--fail-on <severity>", "exit 1 on findings at or above: error, warning, info, hint, none", "error").option("--ignore <glob>", "skip paths matching this gitignore-style glob (repeatable)", collect).option("--pattern <regex>", "also flag this placeholder spelling, a regular expression (repeatable)", collect).option("--env-var <name>", "environment variable suggested in messages", DEFAULT_ENV_VAR).option("--markdown-prose", "also judge Markdown prose, not only code blocks").option("--endpoints", "also list the PredictHQ API families each file calls").option("--no-gitignore", "do not honour .gitignore files").option("--max-file-size <bytes>", "skip files larger than this", String(DEFAULT_MAX_BYTES)).option("--staged", "judge what is staged for the next commit (the index, not the working tree)").option("--since <ref>", "judge the files changed since this commit (with --history: the commits since it)").option("--history [range]", "judge every blob in git history (all refs, or a range such as v1.0..main)").option("--known-tokens <file>", "JSON list of your tokens as {id, name, fingerprint} (no values)").action(
    action(async (paths, opts) => {
      if (isScanWorker()) return runAsWorker(scanFile);
      const list = Array.isArray(paths) && paths.length > 0 ? paths.map(String) : ["."];
      const format = str(opts, "format") ?? "human";
      if (!FORMATS.includes(format)) throw new UsageError(`Unknown --format "${format}".`);
      const failOn = str(opts, "failOn") ?? "error";
      if (!isFailOn(failOn)) throw new UsageError(`Unknown --fail-on "${failOn}".`);
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
      const req = {
        paths: list,
        root: process.cwd(),
        gitignore: opts.gitignore !== false,
        ignore: strList(opts, "ignore") ?? [],
        maxBytes,
        endpoints: bool(opts, "endpoints"),
        options: {
          extraPatterns: patterns,
          envVarName: str(opts, "envVar") ?? DEFAULT_ENV_VAR,
          markdownProse: bool(opts, "markdownProse"),
          ...knownFile !== void 0 && { knownFingerprints: readKnownTokens(knownFile) }
        }
      };
      if (!gitMode) checkPaths(list);
      const report = gitMode ? await runGitScan(gitMode, req, list, format === "sarif") : await runScan(req, __filename);
      if (format === "json") out(formatJson(report));
      else if (format === "sarif") out(formatSarif(report, VERSION));
      else {
        const text = formatHuman(report);
        if (text) out(text);
      }
      for (const line of skippedLines(report)) info(line);
      for (const e of report.errors) info(`cannot read ${quotePath(e.file)}: ${e.message}`);
      if (format === "human") info(summaryLine(report));
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
