-- Run by neovim.integration.test.ts in `nvim --headless --clean`: Neovim 0.7's built-in LSP
-- client (vim.lsp.start_client, as docs/editors.md sets it up) against the installed
-- phq-tokens-language-server; writes what it published for each file to $PHQ_OUT as JSON.
local published = {}
local default = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published[result.uri] = result.diagnostics
  return default(err, result, ctx, config)
end

local client = vim.lsp.start_client({
  name = 'phq-tokens',
  cmd = { os.getenv('PHQ_LS_BIN'), '--stdio' },
  root_dir = vim.fn.getcwd(),
})
local out = { client = client ~= nil, files = {} }
for _, file in ipairs({ 'app.py', 'call.sh' }) do
  vim.cmd('edit ' .. file)
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client)
  local uri = vim.uri_from_bufnr(buf)
  local got = vim.wait(30000, function() return published[uri] ~= nil end, 50)
  local diags = {}
  for _, d in ipairs(published[uri] or {}) do
    table.insert(diags, { code = d.code, line = d.range.start.line, message = d.message })
  end
  out.files[file] = { filetype = vim.bo[buf].filetype, published = got, diagnostics = diags }
end
vim.lsp.stop_client(client)
vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('PHQ_OUT'))
vim.cmd('qa!')
