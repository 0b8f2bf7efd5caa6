-- Run by neovim.integration.test.ts in `nvim --headless -u <docs/editors.md's Neovim 0.7
-- set-up>`: opens each file (the set-up's FileType autocommand attaches the server) and
-- writes what the server published for it to $PHQ_OUT as JSON.
local published = {}
local default = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published[result.uri] = result.diagnostics
  return default(err, result, ctx, config)
end

local out = { files = {} }
for _, file in ipairs({ 'app.py', 'call.sh' }) do
  vim.cmd('edit ' .. file)
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  local got = vim.wait(30000, function() return published[uri] ~= nil end, 50)
  local diags = {}
  for _, d in ipairs(published[uri] or {}) do
    table.insert(diags, { code = d.code, line = d.range.start.line, message = d.message })
  end
  out.files[file] = { filetype = vim.bo[buf].filetype, published = got, diagnostics = diags }
end
out.clients = #vim.lsp.get_active_clients()
vim.lsp.stop_client(vim.lsp.get_active_clients())
vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('PHQ_OUT'))
vim.cmd('qa!')
