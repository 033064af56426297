'use strict'
// The peer tool of issue 11 (docs/benchmarks.md, "Beside a peer"): ltijs on PostgreSQL through
// ltijs-sequelize, set up as a deployment behind an https reverse proxy would be, with a landing
// page of our own. The load driver (eu.somework.bench.LtijsPeer) starts it with node and the
// PEER_* variables below, and launches into it from its own platform exactly as into SoMe@Work.
const lti = require('ltijs').Provider
const Database = require('ltijs-sequelize')

function setting (name) {
  const value = process.env[name]
  if (!value) {
    console.error('Missing environment variable ' + name)
    process.exit(2)
  }
  return value
}

const port = Number(setting('PEER_PORT'))
const platform = {
  url: setting('PEER_PLATFORM_ISSUER'),
  name: 'Load driver Moodle',
  clientId: setting('PEER_PLATFORM_CLIENT_ID'),
  authenticationEndpoint: setting('PEER_PLATFORM_AUTHORIZATION_ENDPOINT'),
  accesstokenEndpoint: setting('PEER_PLATFORM_TOKEN_ENDPOINT'),
  authConfig: { method: 'JWK_SET', key: setting('PEER_PLATFORM_KEY_SET_URL') }
}
// ltijs keeps no list of deployments: the app checks the launch's one against the registered one
const deploymentId = setting('PEER_PLATFORM_DEPLOYMENT_ID')

const database = new Database(setting('PEER_DB_NAME'), setting('PEER_DB_USER'), process.env.PEER_DB_PASSWORD || '', {
  host: setting('PEER_DB_HOST'),
  port: Number(setting('PEER_DB_PORT')),
  dialect: 'postgres',
  logging: false
})

lti.setup(setting('PEER_ENCRYPTION_KEY'), { plugin: database }, {
  // what a deployment behind https sets, so that the cookies reach it inside the LMS's iframe
  cookies: { secure: true, sameSite: 'None' },
  // state and session cookies required (the default; true would skip both checks)
  devMode: false
})

function escapeHtml (text) {
  return String(text === undefined || text === null ? '' : text).replace(/[&<>"']/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])
}

// The landing page: who launched from which course and link, read from what ltijs stored at the
// launch and gave back for the ltik (its id token and context token); no query of the app's own.
lti.onConnect(async (token, req, res) => {
  const context = token.platformContext || {}
  if (token.deploymentId !== deploymentId) {
    return res.status(403).type('html').send('<!DOCTYPE html><title>Refused</title><p>Unknown deployment.</p>')
  }
  const roles = (context.roles || []).map(role => role.replace(/^.*#/, '')).join(', ')
  const course = context.context || {}
  const link = context.resource || {}
  res.type('html').send('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<title>' + escapeHtml(link.title) + '</title></head>\n' +
    '<body><main data-peer-landing>' +
    '<h1>' + escapeHtml(link.title) + '</h1>' +
    '<p>' + escapeHtml(course.title) + ' (' + escapeHtml(course.label) + ')</p>' +
    '<p>Welcome, ' + escapeHtml(token.userInfo && token.userInfo.name) + ' (' + escapeHtml(roles) + ').</p>' +
    '</main></body></html>\n')
})

let ready = false
lti.whitelist({ route: '/ready', method: 'get' })
lti.app.get('/ready', (req, res) => res.status(ready ? 200 : 503).send(ready ? 'ready' : 'starting'))

async function main () {
  await lti.deploy({ port, silent: true })
  await lti.registerPlatform(platform)
  ready = true
  console.log('ltijs peer listening on port ' + port + ', platform ' + platform.url + ' registered')
}

main().catch(err => {
  console.error(err)
  process.exit(1)
})
