// Liaison's browser storage, run before main(): the data folder /data lives in IndexedDB (IDBFS).
// It is loaded before the store opens; after each commit it is saved with FS.syncfs(false), one
// save at a time, later requests coalesced into the next save. "Saved" is shown only from a save's
// callback. If IndexedDB is missing (a private window) or cannot be read, nothing is ever synced
// (a sync would overwrite what is stored) and the interface says that data is not being kept.
Module['preRun'] = (Module['preRun'] || []).concat(function () {
  var SAVED = 0, SAVING = 1, FAILED = 2, NOT_KEPT = 3;
  var storage = Module['liaisonStorage'] = {
    state: SAVED,
    detail: '',
    note: '',
    dirty: false,    // changes not yet covered by a started save
    running: false,  // a save is in flight
    requestSave: function () { storage.dirty = true; pump(); },
  };

  function describe(err) {
    if (!err) return 'unknown error';
    if (err.name === 'QuotaExceededError') return 'the browser has no more storage space for Liaison';
    return err.message || String(err);
  }

  function pump() {
    if (storage.running || !storage.dirty || storage.state === NOT_KEPT) return;
    storage.dirty = false;
    storage.running = true;
    storage.state = SAVING;
    FS.syncfs(false, function (err) {
      storage.running = false;
      if (err) {
        storage.dirty = true;
        storage.state = FAILED;
        storage.detail = describe(err);
        console.warn('Liaison: save failed, retrying in 5 s:', storage.detail);
        setTimeout(pump, 5000);
        return;
      }
      storage.state = storage.dirty ? SAVING : SAVED;
      pump();
    });
  }

  // Leaving the page (tab hidden, app switched on a tablet) starts any save still owed.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') pump();
  });

  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persisted()
      .then(function (already) { return already || navigator.storage.persist(); })
      .then(function (granted) {
        storage.note = granted ? 'Storage: persistent'
                               : 'Storage: not persistent (the browser may clear it when space is low)';
      })
      .catch(function () { storage.note = 'Storage: persistence unknown'; });
  }

  FS.mkdir('/data');
  var notKept = 'This browser is not keeping Liaison\'s data (IndexedDB is unavailable, as in a ' +
                'private window). Anything entered now is lost when this tab closes.';
  var idb = null;
  try { idb = window.indexedDB; } catch (e) { idb = null; }
  if (!idb) {
    storage.state = NOT_KEPT;
    storage.detail = notKept;
    return;
  }
  FS.mount(IDBFS, {}, '/data');
  addRunDependency('liaison-load-data');
  FS.syncfs(true, function (err) {
    if (err) {
      storage.state = NOT_KEPT;
      storage.detail = 'Saved data could not be read from IndexedDB (' + describe(err) + '). ' +
                       'Nothing will be saved in this tab, so the stored copy stays untouched.';
      console.warn('Liaison: ' + storage.detail);
    }
    removeRunDependency('liaison-load-data');
  });
});
