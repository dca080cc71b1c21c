// The smallest client of `codeset lsp`: starts the server on stdio for the YAML files below
// codesets/ of the workspace and leaves everything else to the server.
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration('codeset').get('command');
  client = new LanguageClient('codeset', 'codeset', { command, args, transport: TransportKind.stdio }, {
    documentSelector: [{ scheme: 'file', language: 'yaml', pattern: '**/codesets/**/*.yaml' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/codesets/**/*.yaml') },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
