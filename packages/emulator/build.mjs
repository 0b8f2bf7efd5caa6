console.log('no bundle yet');
