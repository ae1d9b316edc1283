// Release page: live swarm figures and the magnet link's copy button.
// A script file, not inline code: the Content-Security-Policy allows scripts from the site only.
(function () {
  "use strict";
  var REFRESH_MS = 5000;
  var swarm = document.getElementById("swarm");
  var updated = document.getElementById("swarm-updated");

  function show(id, value) {
    var element = document.getElementById(id);
    if (element && element.textContent !== String(value)) {
      element.textContent = String(value);
    }
  }

  function refresh() {
    fetch(swarm.dataset.swarmUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (figures) {
        show("swarm-seeders", figures.seeders);
        show("swarm-leechers", figures.leechers);
        show("swarm-completed", figures.completed);
        updated.textContent = "Live, updated " + new Date().toLocaleTimeString();
        swarm.dataset.refreshes = String(Number(swarm.dataset.refreshes || "0") + 1);
      })
      .catch(function (error) {
        updated.textContent = "Live figures unavailable (" + error.message + "); retrying";
      })
      .finally(function () {
        window.setTimeout(refresh, REFRESH_MS);
      });
  }

  if (swarm && swarm.dataset.swarmUrl) {
    window.setTimeout(refresh, REFRESH_MS);
  }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var input = document.getElementById(button.dataset.copy);
      input.select();
      var done = function () {
        button.textContent = "Copied";
      };
      if (navigator.clipboard) {
        navigator.clipboard.writeText(input.value).then(done, function () {
          document.execCommand("copy");
          done();
        });
      } else {
        document.execCommand("copy");
        done();
      }
    });
  });
})();
