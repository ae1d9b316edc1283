// Publish page: drag-and-drop file choice, defaults guessed from the file name (the same rules as
// the server's ReleaseNaming and ReleaseKind), a streamed upload with progress, rate and ETA, and
// the server's problem details shown next to the fields they name.
(function () {
  "use strict";
  var form = document.getElementById("publish-form");
  if (!form) {
    return;
  }
  var input = document.getElementById("files");
  var dropzone = document.getElementById("dropzone");
  var chosenList = document.getElementById("chosen");
  var button = document.getElementById("publish-button");
  var progressArea = document.getElementById("progress-area");
  var progress = document.getElementById("progress");
  var result = document.getElementById("result");
  var guessed = ["name", "version", "kind"];
  var chosen = [];

  var COMPOUND_EXTENSIONS = [".tar.gz", ".tar.xz", ".tar.bz2", ".tar.zst"];
  var KIND_BY_EXTENSION = {
    patch: "patch", diff: "patch", msu: "patch", msp: "patch", xdelta: "patch",
    deb: "application", rpm: "application", msi: "application", exe: "application",
    jar: "application", war: "application", ear: "application", apk: "application",
    appimage: "application", zip: "application", tar: "application", tgz: "application",
    gz: "application", xz: "application", zst: "application", "7z": "application",
    iso: "image", img: "image", qcow2: "image", vmdk: "image", vhd: "image", vhdx: "image",
    ova: "image", wim: "image",
    csv: "dataset", tsv: "dataset", parquet: "dataset", json: "dataset", jsonl: "dataset",
    avro: "dataset", orc: "dataset", sqlite: "dataset", db: "dataset", h5: "dataset",
    pdf: "document", doc: "document", docx: "document", odt: "document", md: "document",
    txt: "document", html: "document", xlsx: "document", pptx: "document"
  };

  function stripExtension(name) {
    var lower = name.toLowerCase();
    for (var i = 0; i < COMPOUND_EXTENSIONS.length; i++) {
      if (lower.endsWith(COMPOUND_EXTENSIONS[i])) {
        return name.substring(0, name.length - COMPOUND_EXTENSIONS[i].length);
      }
    }
    var dot = name.lastIndexOf(".");
    return dot > 0 ? name.substring(0, dot) : name;
  }

  // erp-server-2.4.1-linux-x64.tar.gz: name erp-server, version 2.4.1-linux-x64; no version: today.
  function guessNameAndVersion(fileName) {
    var base = stripExtension(fileName.replace(/\\/g, "/").split("/").pop());
    var match = /[-_ ]v?(?=\d)/.exec(base);
    if (match && match.index > 0) {
      return { name: base.substring(0, match.index), version: base.substring(match.index + match[0].length) };
    }
    var today = new Date().toISOString().substring(0, 10).replace(/-/g, ".");
    return { name: base.trim() === "" ? "release" : base, version: today };
  }

  function guessKind(fileName) {
    var lower = fileName.toLowerCase();
    var dot = lower.lastIndexOf(".");
    if (dot < 0 || dot === lower.length - 1) {
      return "other";
    }
    return KIND_BY_EXTENSION[lower.substring(dot + 1)] || "other";
  }

  function formatBytes(bytes) {
    var units = ["B", "KiB", "MiB", "GiB", "TiB"];
    var value = bytes;
    var unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (unit === 0 ? value : value.toFixed(value < 10 ? 2 : 1)) + " " + units[unit];
  }

  function formatDuration(seconds) {
    if (!isFinite(seconds)) {
      return "";
    }
    var s = Math.max(0, Math.round(seconds));
    return s < 60 ? s + " s" : Math.floor(s / 60) + " min " + (s % 60) + " s";
  }

  // A field the user typed into keeps their value; the others follow the chosen files.
  guessed.forEach(function (id) {
    document.getElementById(id).addEventListener("input", function () {
      this.dataset.edited = "true";
    });
  });

  function choose(files) {
    chosen = Array.prototype.slice.call(files);
    chosenList.textContent = "";
    var total = 0;
    chosen.forEach(function (file) {
      total += file.size;
      var item = document.createElement("li");
      var name = document.createElement("span");
      name.textContent = file.webkitRelativePath || file.name;
      var size = document.createElement("span");
      size.textContent = formatBytes(file.size);
      item.appendChild(name);
      item.appendChild(size);
      chosenList.appendChild(item);
    });
    clearErrors();
    if (chosen.length === 0) {
      return;
    }
    var max = Number(form.dataset.maxBytes);
    if (max > 0 && total > max) {
      fieldError("file", "These files are " + formatBytes(total) + "; the limit is " + formatBytes(max) + ".");
    }
    var guess = guessNameAndVersion(chosen[0].name);
    var values = { name: guess.name, version: guess.version, kind: guessKind(chosen[0].name) };
    guessed.forEach(function (id) {
      var field = document.getElementById(id);
      if (field.dataset.edited !== "true") {
        field.value = values[id];
      }
    });
  }

  input.addEventListener("change", function () {
    choose(input.files);
  });
  ["dragenter", "dragover"].forEach(function (type) {
    dropzone.addEventListener(type, function (event) {
      event.preventDefault();
      dropzone.classList.add("dragging");
    });
  });
  ["dragleave", "drop"].forEach(function (type) {
    dropzone.addEventListener(type, function (event) {
      event.preventDefault();
      dropzone.classList.remove("dragging");
    });
  });
  dropzone.addEventListener("drop", function (event) {
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      choose(event.dataTransfer.files);
    }
  });

  function clearErrors() {
    form.querySelectorAll(".field-error").forEach(function (element) {
      element.textContent = "";
    });
    form.querySelectorAll(".field.invalid").forEach(function (element) {
      element.classList.remove("invalid");
    });
  }

  function fieldError(field, message) {
    var error = document.getElementById(field + "-error");
    if (!error) {
      return false;
    }
    error.textContent = message;
    var container = document.getElementById(field + "-field");
    if (container) {
      container.classList.add("invalid");
    }
    return true;
  }

  function showResult(isError, nodes) {
    result.hidden = false;
    result.classList.toggle("error", isError);
    result.textContent = "";
    nodes.forEach(function (node) {
      result.appendChild(typeof node === "string" ? document.createTextNode(node) : node);
    });
  }

  function showProblem(status, text) {
    var problem = null;
    try {
      problem = JSON.parse(text);
    } catch (ignored) {
      problem = null;
    }
    var detail = problem && problem.detail ? problem.detail : "The server answered " + status + ".";
    if (problem && Array.isArray(problem.errors)) {
      problem.errors.forEach(function (error) {
        fieldError(error.field, error.message);
      });
    }
    showResult(true, ["Not published: " + detail]);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearErrors();
    result.hidden = true;
    if (chosen.length === 0) {
      fieldError("file", "Choose at least one file to publish.");
      input.focus();
      return;
    }
    var data = new FormData();
    // Text fields first: the server reads the body in one pass and hashes files as they arrive.
    ["name", "version", "channel", "kind", "tags", "description"].forEach(function (id) {
      data.append(id, document.getElementById(id).value);
    });
    chosen.forEach(function (file) {
      data.append("file", file, file.webkitRelativePath || file.name);
    });

    var request = new XMLHttpRequest();
    var started = performance.now();
    request.open("POST", form.dataset.uploadUrl);
    request.setRequestHeader("X-Everseed-Csrf", form.dataset.csrf);
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", function (progressEvent) {
      if (!progressEvent.lengthComputable) {
        return;
      }
      var percent = Math.floor((progressEvent.loaded * 100) / progressEvent.total);
      var seconds = (performance.now() - started) / 1000;
      var rate = seconds > 0 ? progressEvent.loaded / seconds : 0;
      progress.value = percent;
      document.getElementById("progress-percent").textContent = percent + " %";
      document.getElementById("progress-rate").textContent = rate > 0 ? formatBytes(rate) + "/s" : "";
      document.getElementById("progress-eta").textContent =
        rate > 0 && percent < 100
          ? "ETA " + formatDuration((progressEvent.total - progressEvent.loaded) / rate)
          : percent >= 100 ? "registering…" : "";
    });
    request.addEventListener("load", function () {
      button.disabled = false;
      if (request.status === 201) {
        var release = JSON.parse(request.responseText);
        progress.value = 100;
        document.getElementById("progress-percent").textContent = "100 %";
        document.getElementById("progress-eta").textContent = "done";
        var link = document.createElement("a");
        link.id = "release-link";
        link.href = release.url;
        link.textContent = release.name + " " + release.version;
        showResult(false, ["Published ", link, " — info-hash ", release.infoHash.substring(0, 12) + "…"]);
      } else {
        progressArea.hidden = true;
        showProblem(request.status, request.responseText);
      }
    });
    request.addEventListener("error", function () {
      button.disabled = false;
      progressArea.hidden = true;
      showResult(true, ["The upload was interrupted; check the connection and try again."]);
    });
    button.disabled = true;
    progressArea.hidden = false;
    progress.value = 0;
    request.send(data);
  });
})();
